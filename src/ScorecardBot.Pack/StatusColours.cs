using ScorecardBot.Core.Calculation;

namespace ScorecardBot.Pack;

/// <summary>The Key's colours, one place for the PDF and the workbook: light enough for black figures on top.</summary>
public static class StatusColours
{
    /// <summary>RGB as hex, e.g. "8FD18F".</summary>
    public static string Hex(Status status) => status switch
    {
        Status.AboveTarget => "8FD18F",
        Status.WithinTolerance => "FFC94D",
        Status.OutsideTolerance => "E57373",
        _ => "E0E0E0",
    };

    public static (byte R, byte G, byte B) Rgb(Status status)
    {
        var hex = Hex(status);
        return (Convert.ToByte(hex[..2], 16), Convert.ToByte(hex[2..4], 16), Convert.ToByte(hex[4..], 16));
    }

    /// <summary>The Key in the paper's order.</summary>
    public static IReadOnlyList<Status> Key { get; } =
        [Status.AboveTarget, Status.WithinTolerance, Status.OutsideTolerance, Status.NoData];
}
