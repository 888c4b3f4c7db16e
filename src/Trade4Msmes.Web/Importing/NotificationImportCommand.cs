using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Notifications;

namespace Trade4Msmes.Web.Importing;

// `import notifications --file PATH [--format json|csv]`: the editor's import, from a terminal (e.g. a nightly job
// that fetched ePing's search results). Exit code 0 when stored, 1 when the file has problems (nothing stored), 2 for usage.
public static class NotificationImportCommand
{
    public const string Usage = "Usage: import notifications --file PATH [--format json|csv]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        string? Option(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        var path = Option("file");
        var format = Option("format") ?? (path?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true ? "csv" : "json");
        if (path is null || format is not ("json" or "csv"))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"No such file: {path}");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<NotificationStore>();
        var report = await store.ImportAsync(await File.ReadAllBytesAsync(path, ct), format == "json",
            new Actor($"command line ({Environment.UserName})"), $"{(format == "json" ? "ePing JSON" : "CSV")} file {Path.GetFileName(path)}", ct);
        if (report.Accepted)
        {
            await output.WriteLineAsync($"Imported {report.Added} new notifications, updated {report.Updated}.");
            return 0;
        }
        await output.WriteLineAsync($"Nothing was imported: {path} has problems{(report.ProblemsTruncated ? " (the first ones)" : "")}:");
        foreach (var p in report.Problems)
        {
            await output.WriteLineAsync($"  {(format == "json" ? "record" : "line")} {p.Line}{(p.Field is null ? "" : $", {p.Field}")}: {p.Problem}");
        }
        return 1;
    }
}
