using Microsoft.Extensions.DependencyInjection.Extensions;
using ScorecardBot.Alerts;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.Storage;

namespace ScorecardBot.Extensions;

public static class AlertDeliveryExtensions
{
    /// <summary>
    /// The outbox's delivery: the alert settings, the stores it reads and writes, the Teams sender and the dispatcher
    /// (one per process: its send permits span runs). Whatever runs <see cref="OutboxDispatcher.DispatchDueAsync"/>
    /// must not run it twice at once.
    /// </summary>
    public static IServiceCollection AddAlertDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AlertOptions, AlertSettingsValidator>(configuration.GetSection(AlertOptions.Section));
        services.TryAddSingleton<ConversationStore>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<IConversationSender, TeamsConversationSender>();
        services.TryAddSingleton<OutboxDispatcher>();
        return services;
    }
}
