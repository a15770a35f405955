using System.Text.Json;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Seeding;

/// <summary>
/// The seed paper's figures, transcribed as printed (months and FYTD), turned into what is stored: the printed
/// months, and for each flow the part of FYTD that falls before them as one balance (the paper never splits April
/// from May, so neither do we). A stock's FYTD is its latest month, so it leaves no balance; its printed FYTD is
/// checked against that.
/// </summary>
public sealed record SeedData(string Source, IReadOnlyList<Figure> Figures, IReadOnlyList<MeasureComment> Comments)
{
    public const string ImportedBy = "seed import";

    public static SeedData Parse(string json, ScorecardDefinition definition)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var source = root.GetProperty("source").GetString() ?? "seed";
        var months = root.GetProperty("months").EnumerateArray().Select(m => YearMonth.Parse(m.GetString()!)).OrderBy(m => m).ToList();
        if (months.Count == 0) throw new InvalidDataException("The seed names no months.");
        var year = definition.FinancialYear;
        var figures = new List<Figure>();

        foreach (var property in root.GetProperty("figures").EnumerateObject())
        {
            var component = definition.FindComponent(property.Name)
                ?? throw new InvalidDataException($"The seed has figures for '{property.Name}', which the scorecard {definition.Id} does not define.");
            long sumOfMonths = 0;
            foreach (var month in months)
            {
                if (!property.Value.TryGetProperty(month.ToString(), out var v))
                    throw new InvalidDataException($"The seed has no {month} figure for '{component.Name}'.");
                var value = v.GetInt64();
                sumOfMonths += value;
                figures.Add(new Figure(component.Id, MonthRange.Single(month), value));
            }

            if (!property.Value.TryGetProperty("FYTD", out var fytdElement)) continue;
            var fytd = fytdElement.GetInt64();
            if (component.Aggregation == Aggregation.Latest)
            {
                var latest = figures[^1].Value;
                if (fytd != latest)
                    throw new InvalidDataException($"'{component.Name}' is a stock, so its FYTD ({fytd}) should equal its latest month ({latest}).");
                continue;
            }

            var balance = fytd - sumOfMonths;
            if (balance < 0)
                throw new InvalidDataException($"'{component.Name}': FYTD {fytd} is less than the months printed ({sumOfMonths}).");
            if (months[0] > year.Start)
            {
                figures.Add(new Figure(component.Id, new MonthRange(year.Start, months[0].AddMonths(-1)), balance));
            }
            else if (balance != 0)
            {
                throw new InvalidDataException($"'{component.Name}': FYTD {fytd} differs from the months printed ({sumOfMonths}) but no earlier months exist.");
            }
        }

        var comments = new List<MeasureComment>();
        if (root.TryGetProperty("comments", out var commentList))
        {
            foreach (var c in commentList.EnumerateArray())
            {
                var number = c.GetProperty("measure").GetInt32();
                if (definition.FindMeasure(number) is null)
                    throw new InvalidDataException($"The seed has a comment for measure {number}, which the scorecard does not define.");
                var text = c.GetProperty("text").GetString()!;
                comments.AddRange(c.GetProperty("months").EnumerateArray().Select(m => new MeasureComment(number, YearMonth.Parse(m.GetString()!), text)));
            }
        }

        return new SeedData(source, figures, comments);
    }
}
