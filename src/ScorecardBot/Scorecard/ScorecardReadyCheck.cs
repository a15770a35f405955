using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScorecardBot.Storage;

namespace ScorecardBot.Scorecard;

/// <summary>
/// Ready when the store answers the query every question starts with (its version, read from both revision tables),
/// not merely when a connection opens: a database whose tables are gone is not ready.
/// </summary>
public sealed class ScorecardReadyCheck(IFigureStore store) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetVersionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or StorageUnavailableException)
        {
            // The reason, not the exception: a probe every few seconds must not fill the log with stack traces.
            return HealthCheckResult.Unhealthy($"The scorecard database cannot answer: {e.GetBaseException().Message}");
        }
    }
}
