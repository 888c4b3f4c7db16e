using System.Diagnostics;

namespace Trade4Msmes.Tests.Infrastructure;

// The real app, as a process of its own on the given database, for tests that kill it.
public static class AppExecutable
{
    public static ProcessStartInfo StartInfo(TestDatabase database, params string[] args)
    {
        var webDirectory = AppContext.BaseDirectory.Replace(
            Path.Combine("tests", "Trade4Msmes.Tests"), Path.Combine("src", "Trade4Msmes.Web"), StringComparison.Ordinal);
        return new ProcessStartInfo("dotnet", [Path.Combine(webDirectory, "Trade4Msmes.Web.dll"), .. args])
        {
            WorkingDirectory = webDirectory,
            Environment =
            {
                ["Database__Provider"] = database.Provider.ToString(),
                ["ConnectionStrings__Default"] = database.ConnectionString,
            },
        };
    }
}
