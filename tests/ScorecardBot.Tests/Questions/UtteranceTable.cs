using System.Globalization;
using ScorecardBot.Conversation;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

/// <summary>
/// One row of an utterance table: <c>text | intent | measures | component id or glossary term | period | extras</c>.
/// Measures: "-" or "1" or "3,5" (for Clarify, the measures offered). Period: "-" (unspecified), "M7", "M7/2007",
/// "R6-8", "R6/2007-8/2007", "YTD", "YTD2007", "Latest", "Rel1" (months back from today), "Last3", "S6" (June onwards), "YTD@6" (year to date as at June).
/// Extras (optional, space separated): "cmd=CTC", "status=red+amber+green" or "status=off" (red and amber), "cmp=M8" (compared with),
/// "fmt=pdf+xlsx" (the committee pack's files).
/// </summary>
public sealed record UtteranceRow(
    string Text, Intent Intent, int[] Measures, string? What, string Period, string? Command, Status[]? Statuses, string? CompareWith = null,
    PackFormat[]? Formats = null)
{
    public static UtteranceRow Parse(string row)
    {
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        if (cells.Length is < 5 or > 6) throw new FormatException($"Expected 5 or 6 cells: {row}");
        string? command = null, compareWith = null;
        Status[]? statuses = null;
        PackFormat[]? formats = null;
        foreach (var extra in cells.Length == 6 ? cells[5].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            var (key, value) = (extra.Split('=')[0], extra.Split('=')[1]);
            if (key == "cmd") command = value;
            else if (key == "status") statuses = value.Split('+').SelectMany(ParseStatus).Distinct().Order().ToArray();
            else if (key == "cmp") compareWith = value;
            else if (key == "fmt") formats = value.Split('+').Select(f => Enum.Parse<PackFormat>(f, ignoreCase: true)).Order().ToArray();
            else throw new FormatException($"Unknown extra {extra}: {row}");
        }
        return new UtteranceRow(
            cells[0],
            Enum.Parse<Intent>(cells[1]),
            cells[2] == "-" ? [] : cells[2].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray(),
            cells[3] == "-" ? null : cells[3],
            cells[4],
            command,
            statuses,
            compareWith,
            formats);
    }

    private static Status[] ParseStatus(string s) => s switch
    {
        "red" => [Status.OutsideTolerance],
        "amber" => [Status.WithinTolerance],
        "green" => [Status.AboveTarget],
        "off" => [Status.OutsideTolerance, Status.WithinTolerance],
        _ => throw new FormatException($"Unknown status {s}"),
    };

    /// <summary>Every way the recognised question differs from the row; empty when it matches.</summary>
    public List<string> Differences(Request q)
    {
        var problems = new List<string>();
        if (q.Intent != Intent) problems.Add($"intent {q.Intent}, expected {Intent}");

        var measures = q.Measures.Select(m => m.Number).Order().ToArray();
        if (!measures.SequenceEqual(Measures.Order())) problems.Add($"measures [{string.Join(',', measures)}], expected [{string.Join(',', Measures)}]");

        var what = Intent == Intent.Glossary ? q.Term?.Term : q.Component?.Id;
        if (!string.Equals(what, What, StringComparison.OrdinalIgnoreCase)) problems.Add($"{(Intent == Intent.Glossary ? "term" : "component")} {what ?? "-"}, expected {What ?? "-"}");

        var period = Describe(q.Period);
        if (period != Period) problems.Add($"period {period}, expected {Period}");

        if (CompareWith is not null && (q.CompareWith is null ? "-" : Describe(q.CompareWith)) != CompareWith)
            problems.Add($"compared with {(q.CompareWith is null ? "-" : Describe(q.CompareWith))}, expected {CompareWith}");
        if (Command is not null && q.Command?.Code != Command) problems.Add($"command {q.Command?.Code ?? "-"}, expected {Command}");
        if (Statuses is not null)
        {
            var got = q.Statuses?.Order().ToArray() ?? [];
            if (!got.SequenceEqual(Statuses)) problems.Add($"statuses [{string.Join(',', got)}], expected [{string.Join(',', Statuses)}]");
        }
        if (Formats is not null)
        {
            var got = q.Formats?.Order().ToArray() ?? [];
            if (!got.SequenceEqual(Formats)) problems.Add($"formats [{string.Join(',', got)}], expected [{string.Join(',', Formats)}]");
        }
        return problems;
    }

    /// <summary>A period in the table's notation, so a failure reads like the row.</summary>
    public static string Describe(PeriodSpec p) => p.Kind switch
    {
        PeriodKind.Unspecified => "-",
        PeriodKind.Latest => "Latest",
        PeriodKind.Month => $"M{p.Month}{Year(p.Year)}",
        PeriodKind.Range => $"R{p.Month}{Year(p.Year)}-{p.EndMonth}{Year(p.EndYear)}",
        PeriodKind.YearToDate => $"YTD{p.FinancialYearStart}" + (p.Month > 0 ? $"@{p.Month}" : ""),
        PeriodKind.RelativeMonth => $"Rel{p.Offset}",
        PeriodKind.LastMonths => $"Last{p.Offset}",
        PeriodKind.Since => $"S{p.Month}{Year(p.Year)}",
        PeriodKind.Quarter => $"Q{p.Offset}",
        PeriodKind.Half => $"H{p.Offset}",
        PeriodKind.LastQuarters => $"LastQ{p.Offset}",
        _ => p.Kind.ToString(),
    };

    private static string Year(int? year) => year is { } y ? "/" + y.ToString(CultureInfo.InvariantCulture) : "";
}

/// <summary>Runs a table of rows through the shipped recogniser.</summary>
public static class UtteranceTable
{
    public static TheoryData<string> Rows(string table)
    {
        var data = new TheoryData<string>();
        foreach (var line in table.Split('\n'))
        {
            var row = line.Trim();
            if (row.Length == 0 || row.StartsWith("//", StringComparison.Ordinal)) continue;
            data.Add(row);
        }
        return data;
    }

    /// <summary>Between the messages of a conversation in a row's text: "CTIO coverage in July >> and August?".</summary>
    public const string Then = " >> ";

    public static void AssertRecognised(string row) =>
        AssertRecognised(row, ShippedScorecard.Recognizer, ShippedScorecard.Vocabulary);

    public static void AssertRecognised(string row, QuestionRecognizer recognizer, Vocabulary vocabulary)
    {
        var expected = UtteranceRow.Parse(row);
        var question = RecognizeConversation(expected.Text, recognizer, vocabulary);
        var problems = expected.Differences(question);
        Assert.True(problems.Count == 0, $"\"{expected.Text}\": {string.Join("; ", problems)}");
    }

    /// <summary>
    /// The last message of a conversation, each message read after the one before as the bot remembers it: only
    /// requests worth following, kept as a button's data (so anything a button cannot carry is forgotten).
    /// </summary>
    private static Request RecognizeConversation(string text, QuestionRecognizer recognizer, Vocabulary vocabulary)
    {
        Request? remembered = null;
        Request? last = null;
        foreach (var message in text.Split(Then))
        {
            last = recognizer.Recognize(message, remembered);
            if (!ConversationMemory.IsWorthFollowing(last)) continue;
            remembered = RequestData.From(last with { Note = null }).ToRequest(vocabulary);
        }
        return last!;
    }
}
