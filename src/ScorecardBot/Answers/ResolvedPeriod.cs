using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;

namespace ScorecardBot.Answers;

/// <summary>A period pinned to real months, and a note when what was asked had no figures and something else is shown.</summary>
public sealed record ResolvedPeriod(MonthRange Range, bool IsYearToDate, string? NoDataNote)
{
    public string Label(FinancialYear year) =>
        IsYearToDate ? $"{year.Label} year to date ({Range.ToLongLabel()})" : Range.ToLongLabel();
}

/// <summary>Turns "July", "last month" or "year to date" into months, using the data (which July has figures) and today's date.</summary>
public static class PeriodResolver
{
    /// <param name="component">When one figure is asked about ("CTIOs rolled out in April"), its own figures decide which months have data.</param>
    public static ResolvedPeriod? Resolve(PeriodSpec spec, ScorecardDefinition definition, FigureSet figures, IReadOnlyList<Measure> measures, YearMonth today, Component? component = null)
    {
        var scope = measures.Count > 0 ? measures : definition.Measures;
        var componentIds = component is not null ? [component.Id] : scope.SelectMany(m => m.Components).Select(c => c.Id).ToList();
        var scopeComponents = componentIds.ToHashSet(StringComparer.Ordinal);
        if (figures.LatestMonthFor(componentIds) is not { } latest) return null;

        bool HasData(MonthRange range) => component is not null
            ? figures.Aggregate(component, range) is not null
            : scope.Any(m => ScorecardCalculator.Evaluate(m, figures, range).HasData);

        var year = definition.FinancialYear;
        // A month said with its year is that month; without one, it is the scorecard year's ("since September").
        YearMonth Named(PeriodSpec said) => said.Year is { } y ? new YearMonth(y, said.Month) : year.MonthNumbered(said.Month);
        ResolvedPeriod Latest(string? note) => new(MonthRange.Single(latest), false, note);
        ResolvedPeriod Checked(MonthRange range, bool ytd, string asked)
        {
            if (year.Months.Contains(range) && HasData(range)) return new ResolvedPeriod(range, ytd, null);
            if (year.Months.Contains(range) && range.From <= latest)
            {
                // A range that runs past the latest figures ("Q2" in August) shows the part there is, and says so.
                if (latest < range.To && new MonthRange(range.From, latest) is var part && HasData(part))
                {
                    return new ResolvedPeriod(part, ytd, $"There are no figures for {new MonthRange(latest.AddMonths(1), range.To).ToLongLabel()} yet, so this shows {part.ToLongLabel()}.");
                }
                if (range.To <= latest && Widened(range) is { } widened) return widened;
            }
            return Latest($"There are no figures for {asked}. The latest are for {latest.ToLongLabel()}.");
        }

        // Months held only as one figure (the seed's April–May balance) cannot be split: show the period that figure
        // covers together with what was asked, and say which months came with it. Nothing else widens a period.
        ResolvedPeriod? Widened(MonthRange range)
        {
            var balances = figures.Balances
                .Where(f => scopeComponents.Contains(f.ComponentId) && range.Overlaps(f.Period))
                .Select(f => f.Period)
                .ToList();
            if (balances.Count == 0) return null;
            var from = balances.Select(b => b.From).Append(range.From).Min();
            var to = balances.Select(b => b.To).Append(range.To).Max();
            var wider = new MonthRange(from, to);
            if (wider == range || !year.Months.Contains(wider) || wider.To > latest || !HasData(wider)) return null;
            var held = new List<string>();
            if (from < range.From) held.Add($"{range.From.ToLongLabel()} are held only together with {new MonthRange(from, range.From.AddMonths(-1)).ToLongLabel()}");
            if (to > range.To) held.Add($"{range.To.ToLongLabel()} {(from < range.From ? "" : "are held ")}only together with {new MonthRange(range.To.AddMonths(1), to).ToLongLabel()}");
            return new ResolvedPeriod(wider, false, $"Figures for {string.Join(", and for ", held)}, so this shows {wider.ToLongLabel()}.");
        }

        // A period no calendar month can hold ("Jul-230", "the last 50000 months") has no figures; it must not fail the turn.
        if (!IsPlausible(spec)) return Latest($"There are no figures for {spec.Text}. The latest are for {latest.ToLongLabel()}.");

        switch (spec.Kind)
        {
            case PeriodKind.Unspecified:
            case PeriodKind.Latest:
                return Latest(null);

            case PeriodKind.Month:
            {
                var month = spec.Year is { } y ? new YearMonth(y, spec.Month) : MostRecent(spec.Month, latest, today, year, m => HasData(MonthRange.Single(m)));
                return Checked(MonthRange.Single(month), false, month.ToLongLabel());
            }

            case PeriodKind.Range:
            {
                var end = spec.EndYear is { } ey ? new YearMonth(ey, spec.EndMonth) : MostRecent(spec.EndMonth, latest, today, year, m => HasData(MonthRange.Single(m)));
                var start = spec.Year is { } sy ? new YearMonth(sy, spec.Month) : new YearMonth(spec.Month <= end.Month ? end.Year : end.Year - 1, spec.Month);
                if (start > end) (start, end) = (end, start);
                var range = new MonthRange(start, end);
                return Checked(range, false, range.ToLongLabel());
            }

            case PeriodKind.YearToDate:
            {
                if ((spec.Offset == -1 ? year.Start.Year - 1 : spec.FinancialYearStart) is { } fyStart && fyStart != year.Start.Year)
                    return Latest($"This scorecard covers {year.Label} only, so there are no figures for {fyStart}/{(fyStart + 1) % 100:D2}. The latest are for {latest.ToLongLabel()}.");
                var asOf = latest > year.End ? year.End : latest;
                if (asOf < year.Start) return Latest($"There are no figures for {year.Label} yet. The latest are for {latest.ToLongLabel()}.");
                // "FYTD as at June": the year to date as it stood at the end of that month, if the figures reach it.
                if (spec.Month is >= 1 and <= 12)
                {
                    var asked = Named(spec);
                    if (!year.Contains(asked)) return Latest($"There are no figures for {year.Label} year to date as at {asked.ToLongLabel()}: that month is outside {year.Label}. The latest are for {latest.ToLongLabel()}.");
                    if (asked > asOf) return new ResolvedPeriod(year.ToDate(asOf), true, $"There are no figures for {asked.ToLongLabel()} yet, so this is the year to date as at {asOf.ToLongLabel()}.");
                    asOf = asked;
                }
                return new ResolvedPeriod(year.ToDate(asOf), true, null);
            }

            case PeriodKind.RelativeMonth:
            {
                var month = today.AddMonths(-spec.Offset);
                return Checked(MonthRange.Single(month), false, $"{spec.Text} ({month.ToLongLabel()})");
            }

            case PeriodKind.Since:
            {
                var start = Named(spec);
                if (start > latest) return Latest($"There are no figures since {start.ToLongLabel()} yet. The latest are for {latest.ToLongLabel()}.");
                return Checked(new MonthRange(start, latest), false, $"{start.ToLongLabel()} onwards");
            }

            case PeriodKind.Before:
            {
                var month = Named(spec);
                if (month <= year.Start) return Latest($"There are no figures in {year.Label} before {month.ToLongLabel()}. The latest are for {latest.ToLongLabel()}.");
                return Checked(new MonthRange(year.Start, month.AddMonths(-1)), false, $"{year.Label} before {month.ToLongLabel()}");
            }

            case PeriodKind.ThisQuarter:
            {
                var first = year.Start.AddMonths((latest.Index - year.Start.Index) / 3 * 3);
                return latest < year.Start || latest > year.End
                    ? Latest(null)
                    : Checked(new MonthRange(first, first.AddMonths(2)), false, "this quarter");
            }

            case PeriodKind.Quarter:
            case PeriodKind.Half:
            {
                // Quarters and halves of the scorecard's own financial year, whatever month it starts in.
                if (spec.FinancialYearStart is { } named && named != year.Start.Year)
                    return Latest($"This scorecard covers {year.Label} only, so there are no figures for {spec.Text}. The latest are for {latest.ToLongLabel()}.");
                var length = spec.Kind == PeriodKind.Quarter ? 3 : 6;
                var first = year.Start.AddMonths((spec.Offset - 1) * length);
                var range = new MonthRange(first, first.AddMonths(length - 1));
                return Checked(range, false, $"{(spec.Kind == PeriodKind.Quarter ? "Q" : "H")}{spec.Offset} of {year.Label} ({range.ToLongLabel()})");
            }

            case PeriodKind.LastQuarters:
            {
                // The latest completed quarters: a quarter counts once its last month has figures.
                var latestInYear = latest > year.End ? year.End : latest;
                if (latestInYear < year.Start) return Latest(null);
                var done = (latestInYear.Index - year.Start.Index + 1) / 3;
                if (done == 0)
                    return Latest($"No quarter of {year.Label} is complete yet, so this shows the latest month, {latest.ToLongLabel()}.");
                var count = Math.Min(spec.Offset, done);
                var end = year.Start.AddMonths(done * 3 - 1);
                var range = new MonthRange(end.AddMonths(-(count * 3 - 1)), end);
                var note = count < spec.Offset ? $"Only {done} quarter{(done == 1 ? " is" : "s are")} complete in {year.Label}." : null;
                var checkedRange = Checked(range, false, range.ToLongLabel());
                return note is null ? checkedRange : checkedRange with { NoDataNote = checkedRange.NoDataNote is null ? note : $"{note} {checkedRange.NoDataNote}" };
            }

            case PeriodKind.LastMonths:
            {
                // Never further back than the financial year's start, however many months were asked for.
                var start = spec.Offset > latest.Index - year.Start.Index ? year.Start : latest.AddMonths(-(spec.Offset - 1));
                return new ResolvedPeriod(new MonthRange(start, latest), false, null);
            }

            default:
                return Latest(null);
        }
    }

    private static bool IsPlausible(PeriodSpec spec) =>
        spec.Year is null or (> 1900 and < 9999)
        && spec.EndYear is null or (> 1900 and < 9999)
        && (spec.Kind is not (PeriodKind.Month or PeriodKind.Range or PeriodKind.Since or PeriodKind.Before) || spec.Month is >= 1 and <= 12)
        && (spec.Kind is not PeriodKind.Range || spec.EndMonth is >= 1 and <= 12)
        && spec.Offset is > -1200 and < 1200
        && (spec.Kind is not PeriodKind.Quarter || spec.Offset is >= 1 and <= 4)
        && (spec.Kind is not PeriodKind.Half || spec.Offset is >= 1 and <= 2)
        && (spec.Kind is not (PeriodKind.LastQuarters or PeriodKind.LastMonths) || spec.Offset >= 1)
        && spec.FinancialYearStart is null or (> 1900 and < 9999);

    /// <summary>
    /// A bare month name means the most recent such month that has figures; failing that, the scorecard's own financial
    /// year's ("September" with figures to August is September of the same year), or the most recent one before today.
    /// </summary>
    private static YearMonth MostRecent(int month, YearMonth latest, YearMonth today, FinancialYear year, Func<YearMonth, bool> hasData)
    {
        var candidate = new YearMonth(month <= latest.Month ? latest.Year : latest.Year - 1, month);
        for (var i = 0; i < 10; i++, candidate = candidate.AddMonths(-12))
        {
            if (hasData(candidate)) return candidate;
        }
        var inYear = year.MonthNumbered(month);
        if (latest >= year.Start && latest <= year.End) return inYear;
        return new YearMonth(month <= today.Month ? today.Year : today.Year - 1, month);
    }
}
