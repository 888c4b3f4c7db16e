namespace Trade4Msmes.Tests.Infrastructure;

// The repository the tests were built from, for tests that read its source files and documents.
public static class Repository
{
    public static string Root { get; } = Find();

    static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Trade4Msmes.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException("Trade4Msmes.slnx not found above the test output.");
    }
}
