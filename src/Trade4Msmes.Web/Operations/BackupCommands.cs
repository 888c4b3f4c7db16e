using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Operations;

// `backup --to FILE`, `restore --from FILE [--replace]` and `export --to DIR` (ExportCommand). They run before the
// database is prepared: a backup must not change its source, and a restore must find its target as it was.
// A backup is in the provider's own format (a SQLite file, a pg_dump custom archive) and goes back into the same
// provider only; the export is the portable form.
public static class BackupCommands
{
    public const string Usage = """
        Usage: backup --to FILE
               restore --from FILE [--replace]
               export --to DIR
        """;

    static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    static readonly byte[] PgDumpHeader = "PGDMP"u8.ToArray();

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        string? Option(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        var verb = args.FirstOrDefault();
        var path = verb switch
        {
            "backup" or "export" => Option("to"),
            "restore" => Option("from"),
            _ => null,
        };
        if (path is null || path.StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var database = new Target(db.Database.IsNpgsql(), db.Database.GetConnectionString()!);
        try
        {
            return verb switch
            {
                "backup" => await BackupAsync(database, path, output, ct),
                "restore" => await RestoreAsync(db, database, path, args.Contains("--replace"), output, ct),
                _ => await ExportCommand.RunAsync(db, database, path, output, ct),
            };
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"{verb} failed: {e.Message}");
            return 1;
        }
    }

    // The configured database, as the connection string names it (which may hold a password: never printed).
    internal sealed record Target(bool Postgres, string ConnectionString)
    {
        public string Provider => Postgres ? "PostgreSQL" : "SQLite";

        public string SqlitePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

        // Our own connections: not pooled (the process ends right after), and read-only where only read.
        public DbConnection Open(bool readOnly)
        {
            DbConnection connection = Postgres
                ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString())
                : new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString)
                {
                    Pooling = false,
                    Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
                }.ToString());
            connection.Open();
            return connection;
        }

        // The migrations applied to the database; null when there is no database at all (a missing SQLite file,
        // a PostgreSQL database not created yet). Plain SQL, so that nothing is created or migrated.
        public async Task<List<string>?> AppliedMigrationsAsync(CancellationToken ct)
        {
            if (!Postgres && !File.Exists(SqlitePath))
            {
                return null;
            }
            try
            {
                await using var connection = Open(readOnly: true);
                return await BackupCommands.AppliedMigrationsAsync(connection, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                return null;
            }
        }
    }

    static async Task<int> BackupAsync(Target database, string file, TextWriter output, CancellationToken ct)
    {
        if (File.Exists(file) || Directory.Exists(file))
        {
            await output.WriteLineAsync($"{file} already exists; nothing was written. Choose a new name (backups are never overwritten).");
            return 1;
        }
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory && !Directory.Exists(directory))
        {
            await output.WriteLineAsync($"No such directory: {directory}; nothing was written.");
            return 1;
        }
        // Written under another name first, so a file with the final name is always a whole backup.
        var partial = file + ".partial";
        File.Delete(partial);
        if (database.Postgres)
        {
            var dump = await PgToolAsync("pg_dump", database,
                ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], output, ct);
            if (dump is not { ExitCode: 0 })
            {
                File.Delete(partial);
                return 1;
            }
        }
        else
        {
            if (!File.Exists(database.SqlitePath))
            {
                await output.WriteLineAsync($"There is no database at {database.SqlitePath}; nothing was written.");
                return 1;
            }
            // SQLite's online backup copies one consistent snapshot; in WAL mode (as EF Core creates the database) the
            // app goes on reading and writing meanwhile.
            try
            {
                using var source = (SqliteConnection)database.Open(readOnly: true);
                using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
                destination.Open();
                source.BackupDatabase(destination);
                // One self-contained file: a WAL-mode copy would grow -wal and -shm files beside it whenever it is opened.
                Execute(destination, "PRAGMA journal_mode = DELETE");
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
        }
        File.Move(partial, file, overwrite: false);
        await output.WriteLineAsync($"Backed up {database.Provider} database to {file} ({Size(new FileInfo(file).Length)}).");
        return 0;
    }

    static async Task<int> RestoreAsync(AppDbContext db, Target database, string file, bool replace, TextWriter output, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"No such file: {file}");
            return 1;
        }
        var header = new byte[16];
        await using (var stream = File.OpenRead(file))
        {
            await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        }
        var sqliteFile = header.AsSpan().SequenceEqual(SqliteHeader);
        var pgDumpFile = header.AsSpan().StartsWith(PgDumpHeader);
        if (!sqliteFile && !pgDumpFile)
        {
            await output.WriteLineAsync($"{file} is not a backup (neither a SQLite database nor a pg_dump archive); nothing was restored.");
            return 1;
        }
        if (sqliteFile == database.Postgres)
        {
            await output.WriteLineAsync($"{file} is a {(sqliteFile ? "SQLite" : "PostgreSQL")} backup and the configured database is "
                + $"{database.Provider}; a backup goes back into the provider it came from. Nothing was restored. "
                + "To move to the other provider, use `export` (see docs/operations.md).");
            return 1;
        }

        var backupMigrations = database.Postgres
            ? await PgDumpMigrationsAsync(database, file, output, ct)
            : await SqliteMigrationsAsync(file, output, ct);
        if (backupMigrations is null)
        {
            return 1;
        }
        var known = db.Database.GetMigrations().ToList();
        if (backupMigrations.Except(known).ToList() is [_, ..] unknown)
        {
            await output.WriteLineAsync($"{file} was made by a newer version of the application (migrations {string.Join(", ", unknown)} "
                + "are unknown to this one); restore it with that version. Nothing was restored.");
            return 1;
        }

        var applied = await database.AppliedMigrationsAsync(ct);
        if (applied is null && database.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
            await output.WriteLineAsync($"The database \"{name}\" does not exist on the server. Create it first (createdb \"{name}\"), "
                + "then restore into it. Nothing was restored.");
            return 1;
        }
        if (applied is [_, ..] && !replace)
        {
            await output.WriteLineAsync($"The {database.Provider} database already holds data ({applied.Count} migrations applied). "
                + "Restore into an empty database, or add --replace to overwrite it. Nothing was restored.");
            return 1;
        }
        if (database.Postgres && applied is not null && applied.Except(backupMigrations).ToList() is [_, ..] newer)
        {
            // pg_restore --clean drops only what the archive holds: tables of the newer migrations would stay behind
            // and the next start could not create them again.
            await output.WriteLineAsync($"The database has migrations the backup has not ({string.Join(", ", newer)}); --replace would leave "
                + "their tables behind. Drop and create the database (dropdb, createdb), then restore into the empty one. Nothing was restored.");
            return 1;
        }

        var publishedBefore = applied is [_, ..] ? await PublishedVersionAsync(db, ct) : null;
        if (database.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
            List<string> arguments = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"];
            if (replace)
            {
                arguments.AddRange(["--clean", "--if-exists"]);
            }
            arguments.AddRange([$"--dbname={name}", file]);
            var restored = await PgToolAsync("pg_restore", database, arguments, output, ct);
            if (restored is not { ExitCode: 0 })
            {
                await output.WriteLineAsync("Nothing was restored (pg_restore runs in a single transaction).");
                return 1;
            }
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database.SqlitePath)!);
            // The backup API replaces the target's content in one transaction: readers see the old database or the new one.
            using var source = OpenSqliteFile(file);
            using var target = (SqliteConnection)database.Open(readOnly: false);
            source.BackupDatabase(target);
            // The mode EF Core creates the database in, so that readers do not block the writer.
            Execute(target, "PRAGMA journal_mode = WAL");
        }

        // Instances still running keep pages cached under the published versions they have seen: the restored data
        // gets a version none of them has seen.
        if (publishedBefore is { } before && await PublishedVersionAsync(db, ct) is { } restoredVersion)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE published_data SET \"Version\" = {Math.Max(before, restoredVersion) + 1} WHERE \"Id\" = 1", ct);
        }
        var (tables, rows) = await CountAsync(db, database, ct);
        await output.WriteLineAsync($"Restored {database.Provider} database from {file}: {tables} tables, {rows} rows.");
        if (known.Except(backupMigrations).ToList() is [_, ..] missing)
        {
            await output.WriteLineAsync($"The backup predates {missing.Count} migrations; the next start applies them.");
        }
        return 0;
    }

    // Null when the database predates the published-data version (migration 0007).
    static async Task<long?> PublishedVersionAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            return await PublishedData.CurrentAsync(db, ct);
        }
        catch (DbException)
        {
            return null;
        }
    }

    // The backup's migrations, once it is known to be a sound SQLite database with our schema; null after saying why not.
    static async Task<List<string>?> SqliteMigrationsAsync(string file, TextWriter output, CancellationToken ct)
    {
        await using var connection = OpenSqliteFile(file);
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            if (await check.ExecuteScalarAsync(ct) is not "ok")
            {
                await output.WriteLineAsync($"{file} is a damaged SQLite database (integrity_check failed); nothing was restored.");
                return null;
            }
        }
        if (!await TableExistsAsync(connection, HistoryRepository.DefaultTableName, ct))
        {
            await output.WriteLineAsync($"{file} is a SQLite database but not a backup of this application (no migrations history); nothing was restored.");
            return null;
        }
        return await AppliedMigrationsAsync(connection, ct);
    }

    // The archive's migrations, read with pg_restore (which also proves it is a readable archive); null after saying why not.
    static async Task<List<string>?> PgDumpMigrationsAsync(Target database, string file, TextWriter output, CancellationToken ct)
    {
        var data = await PgToolAsync("pg_restore", database,
            ["--data-only", $"--table={HistoryRepository.DefaultTableName}", "--file=-", file], output, ct);
        if (data is not { ExitCode: 0 })
        {
            await output.WriteLineAsync($"{file} is not a readable pg_dump archive; nothing was restored.");
            return null;
        }
        // COPY public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") FROM stdin;  then one row per line, then \.
        var lines = data.Output.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("COPY ", StringComparison.Ordinal)
            && l.Contains($"\"{HistoryRepository.DefaultTableName}\"", StringComparison.Ordinal));
        if (start < 0)
        {
            await output.WriteLineAsync($"{file} is a pg_dump archive but not a backup of this application (no migrations history); nothing was restored.");
            return null;
        }
        return [.. lines.Skip(start + 1).TakeWhile(l => l != "\\.").Select(l => l.Split('\t')[0])];
    }

    static SqliteConnection OpenSqliteFile(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    static async Task<List<string>> AppliedMigrationsAsync(DbConnection connection, CancellationToken ct)
    {
        if (!await TableExistsAsync(connection, HistoryRepository.DefaultTableName, ct))
        {
            return [];
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\" ORDER BY \"MigrationId\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var migrations = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            migrations.Add(reader.GetString(0));
        }
        return migrations;
    }

    static async Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "name";
        if (connection is NpgsqlConnection)
        {
            // Looked up along the search path, as EF Core does.
            command.CommandText = "SELECT to_regclass(@name) IS NOT NULL";
            parameter.Value = $"\"{table}\"";
        }
        else
        {
            command.CommandText = "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = @name";
            parameter.Value = table;
        }
        command.Parameters.Add(parameter);
        return Convert.ToBoolean(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    // The tables of the model present in the database and their rows (an older backup may lack newer tables).
    static async Task<(int Tables, long Rows)> CountAsync(AppDbContext db, Target database, CancellationToken ct)
    {
        await using var connection = database.Open(readOnly: true);
        var (tables, rows) = (0, 0L);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            if (!await TableExistsAsync(connection, table, ct))
            {
                continue;
            }
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            rows += Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            tables++;
        }
        return (tables, rows);
    }

    sealed record ToolResult(int ExitCode, string Output);

    // Runs pg_dump or pg_restore against the configured database. The connection goes in PG* environment variables,
    // never on the command line (where other users of the machine could read the password). Null when the tool
    // is missing or failed, after saying so with its error output (which holds no password).
    static async Task<ToolResult?> PgToolAsync(string tool, Target database, IEnumerable<string> arguments, TextWriter output, CancellationToken ct)
    {
        if (FindPgTool(tool) is not { } path)
        {
            await output.WriteLineAsync($"{tool} was not found on PATH or in /usr/lib/postgresql/*/bin; install the PostgreSQL client "
                + "tools (e.g. apt-get install postgresql-client) of the server's major version or newer.");
            return null;
        }
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        void Set(string variable, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                start.Environment[variable] = value;
            }
        }
        Set("PGHOST", connection.Host);
        Set("PGPORT", connection.Port.ToString(CultureInfo.InvariantCulture));
        Set("PGUSER", connection.Username);
        Set("PGPASSWORD", connection.Password);
        Set("PGDATABASE", connection.Database);
        Set("PGSSLMODE", connection.SslMode switch
        {
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            var mode => mode.ToString().ToLowerInvariant(),
        });
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        var standardOutput = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            await output.WriteLineAsync($"{tool} failed (exit code {process.ExitCode}):");
            await output.WriteLineAsync((await errors).TrimEnd());
            return null;
        }
        return new ToolResult(process.ExitCode, standardOutput);
    }

    static string? FindPgTool(string tool)
    {
        var name = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (onPath is not null || !Directory.Exists("/usr/lib/postgresql"))
        {
            return onPath;
        }
        // Debian and Ubuntu install each major version's tools beside each other; the newest dumps every older server.
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : -1, Path: Path.Combine(d, "bin", name)))
            .Where(t => t.Version >= 0 && File.Exists(t.Path))
            .OrderByDescending(t => t.Version)
            .Select(t => t.Path)
            .FirstOrDefault();
    }

    static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        < 1024 * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024 / 1024:0.0} GB"),
    };
}
