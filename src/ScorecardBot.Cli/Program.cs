using ScorecardBot.Cli;

return await CliHost.RunAsync(args, CliConsole.System);
