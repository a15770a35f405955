using ScorecardBot.Extensions;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddScorecard();
builder.AddBot();

var app = builder.Build();
if (!await app.PrepareScorecardAsync()) return 2;
app.MapBotEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
