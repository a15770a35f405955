using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using ScorecardBot.Alerts;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.Answers;
using ScorecardBot.Bot;
using ScorecardBot.Cards;
using ScorecardBot.Conversation;
using ScorecardBot.Packs;
using ScorecardBot.Core.Definition;
using ScorecardBot.Questions;
using ScorecardBot.Questions.Language;
using ScorecardBot.Submissions;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;

namespace ScorecardBot.Extensions;

public static partial class BotServiceExtensions
{
    /// <summary>The scorecard: its definition, storage and the in-memory snapshot of current figures.</summary>
    public static WebApplicationBuilder AddScorecard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddSettings<ScorecardOptions, ScorecardSettingsValidator>(configuration.GetSection(ScorecardOptions.Section));
        services.AddSettings<SnapshotOptions, SnapshotSettingsValidator>(configuration.GetSection("Snapshot"));
        services.AddSettings<StorageOptions, StorageSettingsValidator>(configuration.GetSection(StorageOptions.Section))
            .Configure(options => options.ConnectionString =
                configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? options.ConnectionString);

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
        // Messages read before are kept beside the answers, and as many: Answers:CacheSize 0 turns both off.
        services.AddSingleton(sp => new QuestionRecognizer(sp.GetRequiredService<Vocabulary>(), sp.GetRequiredService<IOptions<AnswerOptions>>().Value.CacheSize));
        services.AddSettings<AnswerOptions, AnswerSettingsValidator>(configuration.GetSection(AnswerOptions.Section));
        services.AddSingleton(sp => new CardRenderer(sp.GetRequiredService<TimeZoneInfo>()));
        services.AddSingleton<Answerer>();
        services.AddSubmissions(configuration);
        services.AddAlerts(configuration);
        services.AddHealthChecks()
            .AddCheck<ScorecardReadyCheck>("scorecard", tags: [ScorecardReadyCheck.Tag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SchedulerReadyCheck>("scheduler", tags: [ScorecardReadyCheck.Tag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<OutboxReadyCheck>("outbox", tags: [ScorecardReadyCheck.Tag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>
    /// The Bot Framework pipeline: authentication from the validated settings, the adapter with the tenant gate, the
    /// request limits of /api/messages, and the Teams handler.
    /// </summary>
    public static WebApplicationBuilder AddBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSettings<BotIdentityOptions, BotIdentityValidator>(configuration);
        services.AddSettings<BotOptions, BotSettingsValidator>(configuration.GetSection(BotOptions.Section));
        services.AddSettings<AccessOptions, AccessSettingsValidator>(configuration.GetSection(AccessOptions.Section));
        services.AddHttpClient();
        services.AddSigningKeysClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>();
            SigningKeys.Prime(configuration, http.CreateClient(SigningKeys.ClientName));
            return new ConfigurationBotFrameworkAuthentication(
                SdkConfiguration(configuration, sp.GetRequiredService<IOptions<BotIdentityOptions>>().Value),
                httpClientFactory: http,
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>());
        });
        services.AddSingleton<RefusedRequests>();
        services.AddSingleton<TenantGate>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddConversationState(configuration);
        services.AddSingleton<ConversationMemory>();
        services.AddPacks(configuration);
        services.AddSingleton<IBot, ScorecardTeamsBot>();
        return builder;
    }

    /// <summary>The committee pack from chat: its settings, the link signer, and the answer with the links.</summary>
    private static void AddPacks(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddSettings<PackOptions, PackSettingsValidator>(configuration.GetSection(PackOptions.Section));
        services.AddHttpContextAccessor();
        services.AddSingleton<PackLinks>();
        services.AddSingleton<PackActions>();
    }

    /// <summary>Command leads' forms: roles, the stores, the service and the actions the cards call.</summary>
    private static void AddSubmissions(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddSettings<RoleOptions, RoleOptionsValidator>(configuration.GetSection(RoleOptions.Section));
        services.AddSingleton<Roles>();
        services.AddSingleton<ISubmissionStore, SubmissionStore>();
        services.AddSingleton<PeopleStore>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<SubmissionActions>();
    }

    /// <summary>Month-end alerts: the conversations the bot is in, the evaluation, the outbox, and the chat commands.</summary>
    private static void AddAlerts(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddAlertDelivery(configuration);
        services.AddSingleton<ConversationDirectory>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertActions>();
        services.AddSingleton<IOutboxTrigger, QuartzOutboxTrigger>();
        services.AddAlertScheduling(configuration);
    }

    /// <summary>Conversation, user and private conversation state, kept in the scorecard database.</summary>
    private static void AddConversationState(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddSettings<ConversationOptions, ConversationSettingsValidator>(configuration.GetSection(ConversationOptions.Section));
        services.AddSingleton<BotStateStore>();
        services.AddSingleton(sp => new WriteBehindStateStore(sp.GetRequiredService<BotStateStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ConversationOptions>>().Value, sp.GetRequiredService<ILogger<WriteBehindStateStore>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WriteBehindStateStore>());
        services.AddSingleton<IBotStateStore>(sp => sp.GetRequiredService<IOptions<ConversationOptions>>().Value.WriteBehind
            ? sp.GetRequiredService<WriteBehindStateStore>()
            : sp.GetRequiredService<BotStateStore>());
        // The bot's own state classes are listed here: stored state may name no other type (see StateSerializer).
        services.AddSingleton(new StateSerializer(stateTypes: [typeof(RememberedRequest), typeof(RequestData), typeof(PeriodData), typeof(int[]), typeof(string[])]));
        services.AddSingleton<IStorage, DatabaseStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<MemoryState>();
        services.AddSingleton<PrivateConversationState>(sp => sp.GetRequiredService<MemoryState>());
    }

    /// <summary>
    /// Builds the adapter (authentication, the signing-key client) before the first request, and says at every start
    /// when the bot accepts requests without a token.
    /// </summary>
    public static WebApplication PrepareBot(this WebApplication app)
    {
        app.Services.GetRequiredService<AdapterWithErrorHandler>();
        app.Services.GetRequiredService<PackLinks>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScorecardBot.Startup");
        if (!app.Services.GetRequiredService<IOptions<BotIdentityOptions>>().Value.AuthenticationIsOn)
        {
            var allowed = app.Services.GetRequiredService<IOptions<BotOptions>>().Value.AllowUnauthenticated;
            if (allowed) Log.UnauthenticatedAllowed(logger);
            else Log.NoAppId(logger);
        }
        return app;
    }

    /// <summary>
    /// The configuration the SDK reads, with the validated app type: the SDK would take a missing type for MultiTenant,
    /// and refuses SingleTenant without an app id, which is how the bot runs locally (no authentication).
    /// </summary>
    private static IConfiguration SdkConfiguration(IConfiguration configuration, BotIdentityOptions identity) =>
        new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = identity.AuthenticationIsOn ? identity.MicrosoftAppType.ToString() : nameof(MicrosoftAppType.MultiTenant),
            })
            .Build();

    /// <summary>
    /// Migrates the database (or, with Storage:MigrateOnStart false, checks that the bundle has) and imports the seed into
    /// an empty one; false, with the reason logged in one line, if the database cannot be used. The bot then exits with
    /// code 2 rather than start and answer from a schema behind its code.
    /// </summary>
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
                storage.SeedOnStart ? seed : null, logger, migrate: storage.MigratesOnStart);
            Log.DatabaseReady(logger, database.Location);
            return true;
        }
        catch (Exception e) when (e is StorageUnavailableException or DefinitionException or InvalidDataException)
        {
            Log.DatabaseUnusable(logger, e.Message);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:AllowUnauthenticated is true: /api/messages answers requests without a Bot Framework "
            + "token, from anyone who can reach it. Meant for load tests only.")]
        public static partial void UnauthenticatedAllowed(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "No MicrosoftAppId: /api/messages answers without a token (Development only)")]
        public static partial void NoAppId(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "Scorecard database ready: {Location}")]
        public static partial void DatabaseReady(ILogger logger, string location);

        [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
        public static partial void DatabaseUnusable(ILogger logger, string message);
    }
}
