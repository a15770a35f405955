using System.CommandLine;

namespace ScorecardBot.BenchmarkSupport;

/// <summary>
/// The checks the benchmarks' command lines share, on System.CommandLine's own validators (it has none for a numeric
/// range or KEY=VALUE pairs): a bad argument is refused with the message here and the program's help.
/// </summary>
internal static class OptionChecks
{
    /// <summary>Refuses a value <paramref name="valid"/> rejects, with <paramref name="error"/>.</summary>
    public static Option<T> Checked<T>(this Option<T> option, Func<T, bool> valid, string error)
    {
        option.Validators.Add(result =>
        {
            if (!valid(result.GetValueOrDefault<T>())) result.AddError(error);
        });
        return option;
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, <paramref name="fallback"/> when not given.</summary>
    public static Option<T> Ranged<T>(string name, string description, T fallback, T min, T max) where T : IComparable<T>
    {
        var option = new Option<T>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0) result.AddError($"{name} must be from {min} to {max}, not {value}.");
        });
        return option;
    }

    /// <summary>A repeatable KEY=VALUE option; read it with <see cref="GetPairs"/>.</summary>
    public static Option<string[]> Pairs(string name, string description)
    {
        var option = new Option<string[]>(name) { Description = description };
        option.Validators.Add(result =>
        {
            foreach (var pair in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (pair.IndexOf('=', StringComparison.Ordinal) <= 0) result.AddError($"{name} takes KEY=VALUE, not {pair}");
            }
        });
        return option;
    }

    public static IReadOnlyDictionary<string, string> GetPairs(this ParseResult parse, Option<string[]> option) =>
        (parse.GetValue(option) ?? []).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
