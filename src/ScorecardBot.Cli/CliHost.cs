using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ScorecardBot.Cli;

/// <summary>Where the CLI writes, and whether a person is watching (progress is drawn only for a person).</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutputIsTerminal, bool ErrorIsTerminal)
{
    public static CliConsole System =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}

/// <summary>
/// The CLI on the generic host, with the bot's configuration chain: appsettings.json beside the program,
/// appsettings.{Environment}.json, user secrets (Development), environment variables, and settings on the command line
/// written as --Section:Key=value (e.g. --ConnectionStrings:Scorecard="Data Source=other.db"). Everything else on the
/// command line is the command, parsed by <see cref="CliApp"/>.
/// </summary>
public static class CliHost
{
    /// <summary>Runs one command line; a <paramref name="clock"/> replaces the system's (tests set today).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, TimeProvider? clock = null,
        CancellationToken cancellationToken = default)
    {
        var (settings, command) = SplitSettings(args);
        var builder = CreateBuilder(settings, console);
        if (clock is not null) builder.Services.AddSingleton(clock);
        using var host = builder.Build();
        return await host.Services.GetRequiredService<CliApp>().RunAsync(command, cancellationToken);
    }

    public static HostApplicationBuilder CreateBuilder(string[] settings, CliConsole console)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(CliHost).Assembly.GetName().Name,
        });
        // A command's answer is its output; a problem is one line on stderr, written by CliApp, not a log.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CliApp>();
        return builder;
    }

    /// <summary>"--Section:Key=value" tokens are settings for the configuration chain; the rest is the command.</summary>
    public static (string[] Settings, string[] Command) SplitSettings(string[] args)
    {
        static bool IsSetting(string arg)
        {
            var equals = arg.IndexOf('=');
            var colon = arg.IndexOf(':');
            return arg.StartsWith("--", StringComparison.Ordinal) && colon > 2 && equals > colon;
        }
        return (args.Where(IsSetting).ToArray(), args.Where(a => !IsSetting(a)).ToArray());
    }
}
