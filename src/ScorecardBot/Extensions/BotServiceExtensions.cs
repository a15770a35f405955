using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using ScorecardBot.Answers;
using ScorecardBot.Bot;
using ScorecardBot.Cards;
using ScorecardBot.Conversation;
using ScorecardBot.Questions.Language;
using ScorecardBot.Submissions;
using ScorecardBot.Core.Definition;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;

namespace ScorecardBot.Extensions;

public static class BotServiceExtensions
{
    /// <summary>The scorecard: its definition, storage and the in-memory snapshot of current figures.</summary>
    public static WebApplicationBuilder AddScorecard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.Configure<ScorecardOptions>(configuration.GetSection(ScorecardOptions.Section));
        services.Configure<SnapshotOptions>(configuration.GetSection("Snapshot"));
        services.Configure<StorageOptions>(options =>
        {
            configuration.GetSection(StorageOptions.Section).Bind(options);
            options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? options.ConnectionString;
        });

        services.AddSingleton(sp => DefinitionLoader.LoadFile(ScorecardOptions.Resolve(sp.GetRequiredService<IOptions<ScorecardOptions>>().Value.DefinitionPath)).GetOrThrow());
        services.AddSingleton(sp => new ScorecardDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IFigureStore, FigureStore>();
        services.AddSingleton<ScorecardSnapshotProvider>();
        services.AddSingleton(sp =>
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<ScorecardOptions>>().Value.TimeZone));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ScorecardOptions>>().Value;
            var language = LanguageWords.Load(ScorecardOptions.Resolve(options.LanguagePath));
            var extras = ScorecardWords.ForDefinition(ScorecardOptions.Resolve(options.DefinitionPath), language.Language);
            return new Vocabulary(sp.GetRequiredService<ScorecardDefinition>(), language, extras);
        });
        services.AddSingleton<QuestionRecognizer>();
        services.Configure<AnswerOptions>(configuration.GetSection(AnswerOptions.Section));
        services.AddSingleton(sp => new CardRenderer(sp.GetRequiredService<TimeZoneInfo>()));
        services.AddSingleton<Answerer>();
        services.AddOptions<RoleOptions>().Bind(configuration.GetSection("Access")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoleOptions>, RoleOptionsValidator>();
        services.AddSingleton<Roles>();
        services.AddSingleton<ISubmissionStore, SubmissionStore>();
        services.AddSingleton<PeopleStore>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<SubmissionActions>();
        return builder;
    }

    /// <summary>The Bot Framework pipeline: authentication from configuration, the adapter, and the Teams handler.</summary>
    public static WebApplicationBuilder AddBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            builder.Configuration,
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<TenantGate>();
        services.AddConversationState(builder.Configuration);
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<IBot, ScorecardTeamsBot>();
        return builder;
    }

    /// <summary>Conversation, user and private conversation state, kept in the scorecard database.</summary>
    private static void AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.Section))
            .Validate(o => o.StateExpiry > TimeSpan.Zero && o.StateExpiry <= TimeSpan.FromDays(3650),
                "Conversation:StateExpiry must be more than zero and at most 3650 days.")
            .Validate(o => o.StatePurgeInterval >= TimeSpan.Zero, "Conversation:StatePurgeInterval cannot be negative.")
            .ValidateOnStart();
        services.AddSingleton<IBotStateStore, BotStateStore>();
        // The bot's own state classes are listed here: stored state may name no other type (see StateSerializer).
        services.AddSingleton(new StateSerializer(stateTypes: [typeof(RememberedRequest), typeof(RequestData), typeof(PeriodData), typeof(int[]), typeof(string[])]));
        services.AddSingleton<IStorage, DatabaseStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<PrivateConversationState>();
    }

    /// <summary>Migrates the database and imports the seed into an empty one; false, with the reason logged, if the database cannot be used.</summary>
    public static async Task<bool> PrepareScorecardAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScorecardBot.Startup");
        try
        {
            var options = app.Services.GetRequiredService<IOptions<ScorecardOptions>>().Value;
            var database = app.Services.GetRequiredService<ScorecardDatabase>();
            var seed = string.IsNullOrWhiteSpace(options.SeedPath) ? null : ScorecardOptions.Resolve(options.SeedPath);
            var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            await ScorecardStartup.PrepareAsync(database, app.Services.GetRequiredService<IFigureStore>(), app.Services.GetRequiredService<ScorecardDefinition>(),
                storage.SeedOnStart ? seed : null, logger);
            logger.LogInformation("Scorecard database ready: {Location}", database.Location);
            return true;
        }
        catch (Exception e) when (e is StorageUnavailableException or DefinitionException or InvalidDataException)
        {
            logger.LogCritical("{Message}", e.Message);
            return false;
        }
    }
}
