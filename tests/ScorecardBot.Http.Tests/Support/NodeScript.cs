using System.Diagnostics;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>Runs one of the repository's Node checkers (tests/card-validation, tests/manifest-validation) and returns what it printed.</summary>
public static class NodeScript
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string folder, string setUpHint, params string[] arguments)
    {
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules")),
            $"The checker in {folder} is not installed ({Path.Combine(folder, "node_modules")} is missing): {setUpHint}.");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Xunit.Sdk.XunitException($"Node.js is needed and was not found on PATH ({e.Message}): install Node 20, then {setUpHint}.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }
    }
}
