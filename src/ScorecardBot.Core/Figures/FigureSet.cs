using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Figures;

/// <summary>
/// The current figures of a scorecard, indexed for calculation: each component's months sit in a dense array so a
/// year-to-date sum is a short loop, not a run of dictionary look-ups.
/// </summary>
public sealed class FigureSet
{
    private const long Missing = long.MinValue;
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly List<Figure> _all;
    private readonly ILookup<int, MeasureComment> _commentsByMeasure;

    public static FigureSet Empty { get; } = new([]);

    public FigureSet(IEnumerable<Figure> figures, IEnumerable<MeasureComment>? comments = null)
    {
        _all = figures.ToList();
        Comments = (comments ?? []).ToList();
        _commentsByMeasure = Comments.ToLookup(c => c.MeasureNumber);
        foreach (var group in _all.GroupBy(f => f.ComponentId, StringComparer.Ordinal))
        {
            _series[group.Key] = new Series(group);
        }
        Balances = _all.Where(f => f.IsBalance).ToList();
        var months = _all.Where(f => !f.IsBalance).Select(f => f.Period.To).ToList();
        LatestMonth = months.Count == 0 ? null : months.Max();
    }

    public IReadOnlyList<Figure> All => _all;

    /// <summary>
    /// These figures with each of <paramref name="replacing"/> in place of the one for the same component and period
    /// (or added beside them), and <paramref name="comments"/> in place of these comments when given.
    /// </summary>
    public FigureSet With(IEnumerable<Figure> replacing, IEnumerable<MeasureComment>? comments = null)
    {
        var byKey = _all.ToDictionary(f => (f.ComponentId, f.Period));
        foreach (var figure in replacing) byKey[(figure.ComponentId, figure.Period)] = figure;
        return new FigureSet(byKey.Values, comments ?? Comments);
    }

    /// <summary>Figures held for several months at once (the seed's April–May balance).</summary>
    public IReadOnlyList<Figure> Balances { get; }
    public IReadOnlyList<MeasureComment> Comments { get; }

    /// <summary>The most recent month that has any figure at all.</summary>
    public YearMonth? LatestMonth { get; }

    public long? Month(string componentId, YearMonth month) =>
        _series.TryGetValue(componentId, out var s) ? s.Month(month) : null;

    public Figure? Find(string componentId, MonthRange period) =>
        _series.TryGetValue(componentId, out var s) ? s.Find(period) : null;

    /// <summary>
    /// A component's figure over a range, or null when the range is not fully covered: a missing month is
    /// "no data", never 0, and a balance that straddles the range edge is never split.
    /// </summary>
    public long? Aggregate(Component component, MonthRange range)
    {
        if (!_series.TryGetValue(component.Id, out var series)) return null;
        return component.Aggregation == Aggregation.Latest ? series.Month(range.To) : series.Sum(range);
    }

    /// <summary>The latest month in which any of the given components has a figure.</summary>
    public YearMonth? LatestMonthFor(IEnumerable<string> componentIds)
    {
        YearMonth? latest = null;
        foreach (var id in componentIds)
        {
            if (_series.TryGetValue(id, out var s) && s.LatestMonth is { } m && (latest is null || m > latest)) latest = m;
        }
        return latest;
    }

    /// <summary>The most recent save among the given components' figures that fall inside <paramref name="range"/>: who and when.</summary>
    public Figure? LastSubmission(IEnumerable<string> componentIds, MonthRange range)
    {
        Figure? latest = null;
        foreach (var id in componentIds)
        {
            if (!_series.TryGetValue(id, out var series)) continue;
            foreach (var f in series.Within(range))
            {
                if (f.SubmittedAtUtc is { } at && (latest is null || at > latest.SubmittedAtUtc)) latest = f;
            }
        }
        return latest;
    }

    public IEnumerable<MeasureComment> CommentsFor(int measureNumber, MonthRange range) =>
        _commentsByMeasure[measureNumber].Where(c => range.Contains(c.Month));

    private sealed class Series
    {
        private readonly int _first;
        private readonly long[] _values;
        private readonly Figure?[] _figures;
        private readonly Figure[] _balances;

        // Balances not yet superseded by their months, in order of first month: the only ones a sum can use.
        private readonly Figure[] _standingBalances;

        // _prefix[i] is the sum of the first i months present, _missingBefore[i] how many of them are missing:
        // a run of months sums in constant time.
        private readonly long[] _prefix;
        private readonly int[] _missingBefore;

        public Series(IEnumerable<Figure> figures)
        {
            var monthly = figures.Where(f => !f.IsBalance).ToList();
            _balances = figures.Where(f => f.IsBalance).OrderBy(f => f.Period.From).ToArray();
            if (monthly.Count == 0)
            {
                _values = [];
                _figures = [];
            }
            else
            {
                _first = monthly.Min(f => f.Period.From.Index);
                var last = monthly.Max(f => f.Period.From.Index);
                _values = new long[last - _first + 1];
                _figures = new Figure?[_values.Length];
                Array.Fill(_values, Missing);
                foreach (var f in monthly)
                {
                    _values[f.Period.From.Index - _first] = f.Value;
                    _figures[f.Period.From.Index - _first] = f;
                }
                LatestMonth = YearMonth.FromIndex(last);
            }

            _prefix = new long[_values.Length + 1];
            _missingBefore = new int[_values.Length + 1];
            for (var i = 0; i < _values.Length; i++)
            {
                var missing = _values[i] == Missing;
                _prefix[i + 1] = _prefix[i] + (missing ? 0 : _values[i]);
                _missingBefore[i + 1] = _missingBefore[i] + (missing ? 1 : 0);
            }
            _standingBalances = Array.FindAll(_balances, b => !AllMonthsPresent(b.Period));
        }

        public YearMonth? LatestMonth { get; }

        public long? Month(YearMonth month)
        {
            var i = month.Index - _first;
            return i >= 0 && i < _values.Length && _values[i] != Missing ? _values[i] : null;
        }

        public Figure? Find(MonthRange period)
        {
            if (period.IsSingleMonth)
            {
                var i = period.From.Index - _first;
                return i >= 0 && i < _figures.Length ? _figures[i] : null;
            }
            return Array.Find(_balances, b => b.Period == period);
        }

        public IEnumerable<Figure> Within(MonthRange range)
        {
            for (var m = Math.Max(range.From.Index, _first); m <= range.To.Index && m - _first < _figures.Length; m++)
            {
                if (_figures[m - _first] is { } f) yield return f;
            }
            foreach (var b in _balances)
            {
                if (range.Contains(b.Period)) yield return b;
            }
        }

        public long? Sum(MonthRange range)
        {
            long total = 0;
            var index = range.From.Index;
            var end = range.To.Index;
            while (index <= end)
            {
                var balance = BalanceCovering(index, out var nextBalance);
                if (balance is not null)
                {
                    // A balance is the only truth for its block: use it whole, or not at all.
                    if (!range.Contains(balance.Period)) return null;
                    total += balance.Value;
                    index = balance.Period.To.Index + 1;
                    continue;
                }
                // Up to the next balance, every month needs its own figure.
                var runEnd = Math.Min(end, nextBalance - 1);
                if (!AllPresent(index, runEnd)) return null;
                total += _prefix[runEnd - _first + 1] - _prefix[index - _first];
                index = runEnd + 1;
            }
            return total;
        }

        // The first standing balance that covers the month; when none does, the month the next one starts.
        private Figure? BalanceCovering(int monthIndex, out int nextBalance)
        {
            nextBalance = int.MaxValue;
            foreach (var b in _standingBalances)
            {
                var from = b.Period.From.Index;
                if (from > monthIndex)
                {
                    nextBalance = from;
                    return null;
                }
                if (monthIndex <= b.Period.To.Index) return b;
            }
            return null;
        }

        // Once every month of a balance's block has its own figure, the months supersede the balance.
        private bool AllMonthsPresent(MonthRange block) => AllPresent(block.From.Index, block.To.Index);

        // Whether every month from one index to another has its own figure, from the running count of missing months.
        private bool AllPresent(int fromIndex, int toIndex)
        {
            var (from, to) = (fromIndex - _first, toIndex - _first);
            return from >= 0 && to < _values.Length && _missingBefore[to + 1] == _missingBefore[from];
        }
    }
}
