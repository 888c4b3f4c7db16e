using Microsoft.Data.Sqlite;
using Npgsql;

namespace Trade4Msmes.Web.Data;

// The database could not write for lack of disk space. The transaction that hit it has rolled back, so nothing
// is half-stored; the request or import says so instead of failing as an unknown error.
public static class StorageFull
{
    const int SqliteFull = 13;
    const string PostgresDiskFull = "53100";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull } or PostgresException { SqlState: PostgresDiskFull })
            {
                return true;
            }
        }
        return false;
    }
}
