using PdfSharp.Drawing;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Pack;

/// <summary>A measure's monthly values as a line against a dashed target line, each point in its status colour.</summary>
internal static class TrendChart
{
    private static readonly XPen ValuePen = new(XColor.FromArgb(31, 56, 100), 0.9);
    private static readonly XPen TargetPen = new(XColor.FromArgb(120, 120, 120), 0.6) { DashStyle = XDashStyle.Dash };
    private static readonly XPen AxisPen = new(XColor.FromArgb(190, 190, 190), 0.4);
    private const double AxisLabelWidth = 20;

    public static void Draw(PdfPageWriter page, ReportMeasureRow row, double x, double y, double width, double height)
    {
        var measure = row.Measure;
        var months = row.Cells.Take(row.Cells.Count - 1).ToList(); // FYTD is not a point in time
        var (low, high) = Scale(measure, months.Where(c => c.Published is not null).Select(c => c.Published!.Value));
        var plot = new XRect(x + AxisLabelWidth, y + 2, width - AxisLabelWidth, height - 4);
        double Y(decimal value) => plot.Bottom - (double)((value - low) / (high - low)) * plot.Height;
        double X(int i) => months.Count == 1 ? plot.X + plot.Width / 2 : plot.X + i * plot.Width / (months.Count - 1);

        page.Lines(AxisPen, [new XPoint(plot.X, plot.Y), new XPoint(plot.X, plot.Bottom), new XPoint(plot.Right, plot.Bottom)], "trend-axis");
        var font = PdfPageWriter.SmallFont;
        page.Label(measure.FormatValue(high), font, new XRect(x, plot.Y - 1, AxisLabelWidth - 2, 8), XStringFormats.TopRight, "trend-scale");
        page.Label(measure.FormatValue(low), font, new XRect(x, plot.Bottom - 7, AxisLabelWidth - 2, 8), XStringFormats.TopRight, "trend-scale");
        page.Lines(TargetPen, [new XPoint(plot.X, Y(measure.Target.Value)), new XPoint(plot.Right, Y(measure.Target.Value))], "trend-target");

        // Runs of consecutive months with data are joined; a month without data breaks the line.
        var run = new List<XPoint>();
        for (var i = 0; i <= months.Count; i++)
        {
            if (i < months.Count && months[i].Published is { } value)
            {
                run.Add(new XPoint(X(i), Y(value)));
                continue;
            }
            page.Lines(ValuePen, [.. run], "trend-line");
            run.Clear();
        }
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i].Published is { } value) page.Dot(months[i].Status, new XPoint(X(i), Y(value)));
        }
    }

    /// <summary>The axis range: round tens around the values and the target for a percentage, zero up for a count.</summary>
    private static (decimal Low, decimal High) Scale(Measure measure, IEnumerable<decimal> values)
    {
        var all = values.Append(measure.Target.Value).ToList();
        if (measure.Unit == Unit.Percent)
        {
            var low = Math.Max(0, Math.Floor((all.Min() - 5) / 10) * 10);
            var high = Math.Min(100, Math.Ceiling((all.Max() + 5) / 10) * 10);
            return high > low ? (low, high) : (Math.Max(0, high - 10), Math.Max(10, high));
        }
        return (0, Math.Max(1, Math.Ceiling(all.Max() * 1.2m)));
    }
}
