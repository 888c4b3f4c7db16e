using System.Diagnostics;

namespace Trade4Msmes.Tests.Infrastructure;

// The real app, as a process of its own on the given database, for tests that kill it.
public static class AppExecutable
{
    // The web project's build output of the same configuration as the tests.
    public static string Directory { get; } = AppContext.BaseDirectory.Replace(
        Path.Combine("tests", "Trade4Msmes.Tests"), Path.Combine("src", "Trade4Msmes.Web"), StringComparison.Ordinal);

    public static ProcessStartInfo StartInfo(TestDatabase database, params string[] args) =>
        new("dotnet", [Path.Combine(Directory, "Trade4Msmes.Web.dll"), .. args])
        {
            WorkingDirectory = Directory,
            Environment =
            {
                ["Database__Provider"] = database.Provider.ToString(),
                ["ConnectionStrings__Default"] = database.ConnectionString,
            },
        };
}
