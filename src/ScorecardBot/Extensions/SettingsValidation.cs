using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ScorecardBot.Extensions;

/// <summary>
/// Settings are options classes, bound from one configuration section and checked at start by a validator beside
/// them: a new validated setting is one class and one <see cref="AddSettings{TOptions,TValidator}"/> line. Every
/// problem reads "Setting 'Section:Key' is invalid: why", and the bot stops with exit code 2 before it answers anyone.
/// </summary>
public static partial class SettingsValidation
{
    public const int ExitCode = 2;

    public static OptionsBuilder<TOptions> AddSettings<TOptions, TValidator>(this IServiceCollection services, IConfiguration section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().Configure(options => Bind(section, options)).ValidateOnStart();
    }

    /// <summary>
    /// Checks every setting now, writing one Critical line per problem and no stack trace; false when any is invalid.
    /// Options are also checked again when the host starts, but this runs before anything reads them.
    /// </summary>
    public static bool SettingsAreValid(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScorecardBot.Startup");
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures)
        {
            foreach (var failure in failures) Log.InvalidSetting(logger, failure);
            return false;
        }
    }

    /// <summary>Binds a section, first checking that each typed value converts, so a typo names its setting.</summary>
    public static void Bind<TOptions>(IConfiguration section, TOptions options) where TOptions : class
    {
        var problems = new SettingsProblems();
        CheckTypedValues(section, typeof(TOptions), problems);
        if (problems.Any) throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), problems.All);
        section.Bind(options);
    }

    private static void CheckTypedValues(IConfiguration section, Type type, SettingsProblems problems)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var key = SettingName(section, property.Name);
            if (target.IsClass && target != typeof(string) && !target.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            {
                CheckTypedValues(section.GetSection(property.Name), target, problems);
                continue;
            }
            var raw = section[property.Name];
            if (string.IsNullOrWhiteSpace(raw) || target == typeof(string) || !target.IsValueType) continue;
            if (!Converts(raw, target)) problems.Add(key, $"'{raw}' is not {Expected(target)}.");
        }
    }

    private static bool Converts(string raw, Type target)
    {
        if (target.IsEnum) return Enum.TryParse(target, raw, ignoreCase: true, out var value) && Enum.IsDefined(target, value!)
            && !char.IsAsciiDigit(raw.Trim()[0]);
        try
        {
            return TypeDescriptor.GetConverter(target).ConvertFromInvariantString(raw) is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(Type target) => target switch
    {
        _ when target.IsEnum => "one of " + string.Join(", ", Enum.GetNames(target)),
        _ when target == typeof(bool) => "true or false",
        _ when target == typeof(TimeSpan) => "a time span such as 00:00:10",
        _ when target == typeof(int) || target == typeof(long) => "a whole number",
        _ => "a " + target.Name,
    };

    private static string SettingName(IConfiguration section, string key) =>
        section is IConfigurationSection { Path: { Length: > 0 } path } ? $"{path}:{key}" : key;

    /// <summary>Each problem once: options that read other options (the key client reads Bot) repeat their failures.</summary>
    private static List<string> Failures(Exception e) => e switch
    {
        OptionsValidationException v => v.Failures.Distinct().ToList(),
        AggregateException a when a.InnerExceptions.All(i => i is OptionsValidationException) =>
            a.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures).Distinct().ToList(),
        _ => [],
    };

    /// <summary>Options another validator depends on, or null when they are invalid (their own validator says why).</summary>
    public static TOptions? ValidOrNull<TOptions>(this IOptions<TOptions> options) where TOptions : class
    {
        try
        {
            return options.Value;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
        public static partial void InvalidSetting(ILogger logger, string problem);
    }
}

/// <summary>What a validator found, each as one line naming its setting.</summary>
public sealed class SettingsProblems
{
    private readonly List<string> _problems = [];

    public bool Any => _problems.Count > 0;

    public IReadOnlyList<string> All => _problems;

    public void Add(string setting, string why) => _problems.Add($"Setting '{setting}' is invalid: {why}");

    public ValidateOptionsResult Result => Any ? ValidateOptionsResult.Fail(_problems) : ValidateOptionsResult.Success;
}

/// <summary>A validator is one method that adds the problems it finds.</summary>
public abstract class SettingsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = new SettingsProblems();
        Check(options, problems);
        return problems.Result;
    }

    protected abstract void Check(TOptions options, SettingsProblems problems);
}
