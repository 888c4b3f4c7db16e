using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Infrastructure;

// A fresh, empty database for one factory: a temporary SQLite file, or a uniquely named database on the
// throwaway PostgreSQL cluster that ./test.sh starts. Which one is chosen by the environment:
//   TRADE4MSMES_TEST_DATABASE = Sqlite (default) | Postgres
//   TRADE4MSMES_TEST_POSTGRES = base connection string, e.g. "Host=127.0.0.1;Port=54329;Username=postgres"
public sealed class TestDatabase : IDisposable, IAsyncDisposable
{
    public const string ProviderVariable = "TRADE4MSMES_TEST_DATABASE";
    public const string PostgresVariable = "TRADE4MSMES_TEST_POSTGRES";

    readonly string? sqlitePath;
    readonly string? postgresName;
    readonly string? postgresAdmin;
    bool disposed;

    TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresName, string? postgresAdmin)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
        this.postgresName = postgresName;
        this.postgresAdmin = postgresAdmin;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    // A context on this database without an app around it, for tests that check what another process stored.
    public AppDbContext OpenContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
        return new AppDbContext(options.Options);
    }

    // The provider the test run asked for through TRADE4MSMES_TEST_DATABASE.
    public static DatabaseProvider ConfiguredProvider
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ProviderVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                return DatabaseProvider.Sqlite;
            }
            return Enum.TryParse<DatabaseProvider>(value.Trim(), ignoreCase: true, out var provider)
                ? provider
                : throw new InvalidOperationException($"{ProviderVariable}=\"{value}\" is not a provider; use Sqlite or Postgres.");
        }
    }

    public static TestDatabase Create() => Create(ConfiguredProvider);

    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => CreatePostgres(),
        _ => CreateSqlite(),
    };

    // In a folder of the test's choosing (e.g. a small file system), or tablespace on PostgreSQL.
    public static TestDatabase CreateOn(string sqliteFolder, string postgresTablespace) => ConfiguredProvider switch
    {
        DatabaseProvider.Postgres => CreatePostgres(postgresTablespace),
        _ => CreateSqlite(sqliteFolder),
    };

    static TestDatabase CreateSqlite(string? folder = null)
    {
        var path = Path.Combine(folder ?? Path.GetTempPath(), $"trade4msmes-test-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, path, null, null);
    }

    static TestDatabase CreatePostgres(string? tablespace = null)
    {
        var baseConnectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(baseConnectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderVariable}=Postgres needs {PostgresVariable}, a connection string to a throwaway cluster "
                + "such as \"Host=127.0.0.1;Port=54329;Username=postgres\". ./test.sh starts one and sets it.");
        }
        var name = $"trade4msmes_test_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = "postgres", Pooling = false }.ToString();
        var connectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = name }.ToString();
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand(
                $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'{(tablespace is null ? "" : $" TABLESPACE \"{tablespace}\"")}", connection);
            command.ExecuteNonQuery();
        }
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, null, name, admin);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        if (sqlitePath is not null)
        {
            using (var connection = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(sqlitePath + suffix);
            }
        }
        if (postgresName is not null)
        {
            using (var connection = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }
            using var admin = new NpgsqlConnection(postgresAdmin);
            admin.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", admin);
            command.ExecuteNonQuery();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => $"{Provider} {sqlitePath ?? postgresName}";
}
