namespace ScorecardBot.LoadTest;

/// <summary>
/// Zipf-like popularity over ranks 1..n: rank k is drawn with probability proportional to 1/k^s, so a few questions are
/// asked again and again and a long tail now and then, as in a chat. Draws come from the caller's seeded Random, so a
/// run repeats.
/// </summary>
public sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _cumulative = new double[count];
        var total = 0.0;
        for (var k = 1; k <= count; k++) _cumulative[k - 1] = total += 1 / Math.Pow(k, exponent);
        for (var i = 0; i < count; i++) _cumulative[i] /= total;
    }

    /// <summary>The share of draws that land on rank <paramref name="rank"/> (1-based).</summary>
    public double Share(int rank) => _cumulative[rank - 1] - (rank > 1 ? _cumulative[rank - 2] : 0);

    /// <summary>A 0-based index: 0 for rank 1.</summary>
    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
    }
}
