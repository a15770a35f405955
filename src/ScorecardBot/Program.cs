using ScorecardBot.Extensions;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddScorecard();
builder.AddBot();
builder.AddObservability();

// Disposed on every way out, so the console logger writes out a refusal before the process exits.
await using var app = builder.Build();
if (!app.SettingsAreValid()) return SettingsValidation.ExitCode;
app.PrepareBot();
if (!await app.PrepareScorecardAsync()) return SettingsValidation.ExitCode;
app.MapBotEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
