using System.Globalization;
using System.Text;

namespace Trade4Msmes.Web.Features.Library;

public sealed record LinkStatus(LibraryRecord Record, int? Status, string? Error)
{
    public bool Works => Status is >= 200 and < 400;
}

// "check-links": fetches every library link from a machine with Internet access and reports the ones that fail.
// With --csv FILE it also writes resources.csv with today's date on the links that answered, ready to commit.
public static class LinkCheck
{
    // checkedOne hears of each link as it is done: a slow site can take the whole timeout.
    public static async Task<IReadOnlyList<LinkStatus>> CheckAsync(
        IReadOnlyList<LibraryRecord> records, HttpClient client, CancellationToken ct, Action<int, LinkStatus>? checkedOne = null)
    {
        var results = new List<LinkStatus>();
        foreach (var record in records)
        {
            try
            {
                // Some sites refuse HEAD; a GET whose body is not read costs little more.
                using var request = new HttpRequestMessage(HttpMethod.Get, record.Url);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                results.Add(new LinkStatus(record, (int)response.StatusCode, null));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                results.Add(new LinkStatus(record, null, e is TaskCanceledException ? "timed out" : e.Message));
            }
            checkedOne?.Invoke(results.Count, results[^1]);
        }
        return results;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var catalog = services.GetRequiredService<LibraryCatalog>();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Trade4MSMEs-link-check/1.0");
        var results = await CheckAsync(catalog.Records, client, CancellationToken.None,
            (done, result) => output.WriteLine($"[{done}/{catalog.Records.Count}] {Describe(result)}"));
        await output.WriteLineAsync($"{results.Count(r => r.Works)} of {results.Count} links answered. Those that did not:");
        foreach (var result in results.Where(r => !r.Works))
        {
            await output.WriteLineAsync(Describe(result));
        }
        if (args.SkipWhile(a => a != "--csv").Skip(1).FirstOrDefault() is { } file)
        {
            await File.WriteAllTextAsync(file, Csv(results, DateOnly.FromDateTime(DateTime.UtcNow)), new UTF8Encoding(false));
            await output.WriteLineAsync($"Wrote {file}: copy it over content/library/resources.csv to record the dates.");
        }
        return results.All(r => r.Works) ? 0 : 1;
    }

    static string Describe(LinkStatus result) =>
        $"{result.Record.Id}\t{result.Status?.ToString(CultureInfo.InvariantCulture) ?? result.Error}\t{result.Record.Url}";

    public static string Csv(IReadOnlyList<LinkStatus> results, DateOnly today)
    {
        var csv = new StringBuilder("id,url,organisation,type,audience,topics,regions,languages,checked,check_note\n");
        foreach (var (r, status, _) in results)
        {
            var works = status is >= 200 and < 400;
            string[] fields =
            [
                r.Id, r.Url, r.Organisation, r.Type, r.Audience, string.Join('|', r.Topics), string.Join('|', r.Regions), string.Join('|', r.Languages),
                works ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : r.Checked?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                works ? $"fetched, HTTP {status}" : r.CheckNote,
            ];
            csv.AppendJoin(',', fields.Select(f => f.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f)).Append('\n');
        }
        return csv.ToString();
    }
}
