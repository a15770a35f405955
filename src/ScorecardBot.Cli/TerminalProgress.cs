using System.Globalization;

namespace ScorecardBot.Cli;

/// <summary>
/// "Exporting figures: 1,200 of 4,800" redrawn in place on stderr while a person watches; nothing at all when stderr
/// is a file or pipe, or when the rows themselves are going to the same terminal.
/// </summary>
public sealed class TerminalProgress : IDisposable
{
    private readonly TextWriter? _error;
    private readonly string _label;
    private readonly int _total;
    private int _shownPercent = -1;
    private int _done;

    private TerminalProgress(TextWriter? error, string label, int total) => (_error, _label, _total) = (error, label, total);

    public static TerminalProgress Start(CliConsole console, bool rowsGoToTerminal, string label, int total) =>
        new(console.ErrorIsTerminal && !rowsGoToTerminal ? console.Error : null, label, total);

    public void Advance() => AdvanceTo(_done + 1);

    /// <summary>For work counted in batches: <paramref name="done"/> of the total are finished.</summary>
    public void AdvanceTo(int done)
    {
        _done = done;
        if (_error is null || _total == 0) return;
        // Redraw once per percent: a terminal write per row would cost more than the row.
        var percent = (int)(100L * _done / _total);
        if (percent == _shownPercent) return;
        _shownPercent = percent;
        _error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{_label}: {_done:N0} of {_total:N0} ({percent}%)"));
    }

    public void Dispose() => _error?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r{_label}: {_done:N0} of {_total:N0}, done."));
}
