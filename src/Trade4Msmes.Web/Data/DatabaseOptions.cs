using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;

namespace Trade4Msmes.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    // Load the shipped reference data at start-up when it is missing or has changed.
    public bool LoadReferenceData { get; set; } = true;
}

public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connectionString = configuration.GetConnectionString("Default");
        services.AddDbContext<AppDbContext>(db =>
        {
            switch (options.Provider)
            {
                case DatabaseProvider.Postgres:
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new ValidationException(
                            "Database:Provider is Postgres but ConnectionStrings:Default is empty; set ConnectionStrings__Default.");
                    }
                    db.UseNpgsql(connectionString);
                    break;
                default:
                    db.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite() : connectionString);
                    break;
            }
            db.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        return services;
    }

    // Zero-setup default: a file beside the working directory, created on first start.
    static string DefaultSqlite()
    {
        Directory.CreateDirectory(".data");
        return "Data Source=.data/trade4msmes.db";
    }
}
