using System.Globalization;
using CsvHelper;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;

namespace ScorecardBot.Cli.Csv;

/// <summary>
/// The revision history as CSV: who,when,month,measure,component,old,new,comment,submission_id. A figure's revision
/// fills component, old and new; a comment's revision fills comment with the text saved (empty when it was cleared).
/// </summary>
public static class RevisionCsv
{
    public static readonly string[] Columns = ["who", "when", "month", "measure", "component", "old", "new", "comment", "submission_id"];

    public static void WriteHeader(CsvWriter csv) => csv.WriteHeader(Columns);

    public static void Write(CsvWriter csv, Revision revision, ScorecardDefinition definition)
    {
        var isFigure = revision.Kind == RevisionKind.Figure;
        var measure = isFigure ? definition.FindComponent(revision.ComponentId!)?.Measure.Number : revision.MeasureNumber;
        csv.WriteField(revision.SubmittedByName);
        csv.WriteField(revision.SubmittedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        csv.WriteField(revision.Period.ToString());
        csv.WriteField(measure, "");
        csv.WriteField(revision.ComponentId);
        csv.WriteField(revision.OldValue, "");
        csv.WriteField(revision.NewValue, "");
        csv.WriteField(isFigure ? null : revision.NewText ?? "");
        csv.WriteField(revision.SubmissionId.ToString());
        csv.EndRecord();
    }
}
