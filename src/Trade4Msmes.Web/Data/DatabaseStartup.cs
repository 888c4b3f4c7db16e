using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Web.Data;

public static partial class DatabaseStartup
{
    // Applies pending migrations (upgrading in place, never recreating) and loads missing reference data.
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<AppDbContext>>();
        // Instances starting together on PostgreSQL take turns: EF Core's own migration lock did not stop two of
        // them applying the same migration (MigrationTests.TwoInstancesStartingTogetherMigrateAndLoadOnce).
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7246000)", ct);
        }
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(logger, pending.Count, pending);
                await db.Database.MigrateAsync(ct);
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7246000)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.LoadReferenceData)
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().LoadAsync(ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migrations: {Migrations}")]
    static partial void LogMigrating(ILogger logger, int count, IEnumerable<string> migrations);
}

public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
