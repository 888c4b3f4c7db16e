using System.Diagnostics;
using System.Text;

namespace Trade4Msmes.Tests.Infrastructure;

// A real SMTP server (tests/smtp-sink, nodemailer's smtp-server under Node) on a loopback port, writing every
// message it receives to a folder. ./test.sh installs it (npm ci); it stops when this object is disposed.
public sealed partial class SmtpSink : IAsyncDisposable
{
    readonly Process process;
    readonly string folder;

    SmtpSink(Process process, string folder, int port) => (this.process, this.folder, Port) = (process, folder, port);

    public int Port { get; }

    // holdAfter: accept that many messages, then hold the next one unanswered (see smtp-sink.mjs).
    public static async Task<SmtpSink> StartAsync(int? holdAfter = null)
    {
        var script = Path.Combine(FindSinkFolder(), "smtp-sink.mjs");
        var folder = Directory.CreateTempSubdirectory("trade4msmes-mail-").FullName;
        var start = new ProcessStartInfo("node", [script, folder, "0", holdAfter?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("The SMTP sink stopped: " + await process.StandardError.ReadToEndAsync(timeout.Token));
        return new SmtpSink(process, folder, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    // The settings that make the app send to this server.
    public Dictionary<string, string> Settings => new()
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:From"] = "Trade4MSMEs <no-reply@trade4msmes.test>",
        ["Email:PollInterval"] = "00:00:01",
    };

    // Waits (up to 60 s) until the server holds a message (started with holdAfter).
    public async Task WaitUntilHoldingAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "holding")
            {
                return;
            }
        }
        throw new InvalidOperationException("The SMTP sink stopped before holding a message.");
    }

    public IReadOnlyList<ReceivedEmail> Received() =>
        Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => ReceivedEmail.Parse(File.ReadAllText(f))).ToList();

    // Waits (up to 30 s) for a message to this address.
    public async Task<ReceivedEmail> WaitForAsync(string to, Func<ReceivedEmail, bool>? which = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var match = Received().LastOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase) && (which?.Invoke(m) ?? true));
            if (match is not null)
            {
                return match;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email to {to} within 30 s; received: {string.Join(", ", Received().Select(m => m.To))}");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(5000))
        {
            process.Kill();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
        await ValueTask.CompletedTask;
    }

    static string FindSinkFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "smtp-sink");
            if (File.Exists(Path.Combine(candidate, "node_modules", "smtp-server", "package.json")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("The SMTP sink is not installed: run `npm ci` in tests/smtp-sink (./test.sh does).");
    }
}

// One message as received on the wire, with its plain-text and HTML parts decoded (base64 or quoted-printable).
public sealed partial record ReceivedEmail(string To, string Subject, string Text, string Html, string Raw)
{
    public string FirstLink(string pathContains) =>
        LinkPattern().Matches(Text).Select(m => m.Value).FirstOrDefault(u => u.Contains(pathContains, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link containing {pathContains} in: {Text}");

    public static ReceivedEmail Parse(string raw)
    {
        var (headers, body) = Split(raw);
        var text = "";
        var html = "";
        foreach (var (partHeaders, partBody) in Parts(headers, body))
        {
            var type = Header(partHeaders, "Content-Type");
            var decoded = Decode(partBody, Header(partHeaders, "Content-Transfer-Encoding"));
            if (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                text = decoded;
            }
            else if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = decoded;
            }
        }
        return new ReceivedEmail(Header(headers, "To"), DecodeWords(Header(headers, "Subject")), text, html, raw);
    }

    static IEnumerable<(string Headers, string Body)> Parts(string headers, string body)
    {
        var type = Header(headers, "Content-Type");
        var boundary = BoundaryPattern().Match(type);
        if (!type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || !boundary.Success)
        {
            yield return (headers, body);
            yield break;
        }
        foreach (var part in body.Split("--" + boundary.Groups[1].Value).Skip(1))
        {
            if (part.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }
            var (h, b) = Split(part.TrimStart('\r', '\n'));
            foreach (var inner in Parts(h, b))
            {
                yield return inner;
            }
        }
    }

    static (string Headers, string Body) Split(string entity)
    {
        var normalized = entity.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? (normalized, "") : (normalized[..end], normalized[(end + 2)..]);
    }

    static string Header(string headers, string name)
    {
        // Folded header lines continue with whitespace.
        var unfolded = Regex.Replace(headers, @"\n[ \t]+", " ");
        return unfolded.Split('\n').FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
    }

    static string Decode(string body, string encoding) => encoding.ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => QuotedPrintable(body),
        _ => body,
    };

    static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    // "=?utf-8?B?...?=" encoded words in the subject.
    static string DecodeWords(string value) => EncodedWordPattern().Replace(value, m => string.Equals(m.Groups[2].Value, "B", StringComparison.OrdinalIgnoreCase)
        ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
        : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"boundary=""?([^"";]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWordPattern();
}
