using Microsoft.Extensions.Configuration;
using ScorecardBot.Cli;

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

return await new CliApp(configuration, Console.Out, Console.Error, TimeProvider.System).RunAsync(args);
