using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.EndToEnd.Infrastructure;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;

[assembly: AssemblyFixture(typeof(Site))]

namespace Trade4Msmes.EndToEnd.Infrastructure;

// The app on a real loopback port, on its own fresh SQLite database with the reference data, and one
// headless Chromium (Debian's, never a downloaded one) for the whole run. Each test opens a Journey.
public sealed class Site : IAsyncLifetime
{
    // Chromium flags for a CI container: no sandbox (root), no GPU, and nothing that calls home.
    static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    TestDatabase? database;
    AppFactory? app;
    SmtpSink? mail;
    IPlaywright? playwright;
    IBrowser? browser;
    HttpClient? rawClient;

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser => browser ?? throw NotStarted();

    // Talks to the app like a browser on the wire: no decompression, so byte counts are transferred bytes.
    public HttpClient RawClient => rawClient ?? throw NotStarted();

    public string AxeSource { get; private set; } = "";

    public IServiceProvider Services => app?.Services ?? throw NotStarted();

    // The real SMTP server the app sends its emails to.
    public SmtpSink Mail => mail ?? throw NotStarted();

    public async ValueTask InitializeAsync()
    {
        AxeSource = await File.ReadAllTextAsync(FindAxe());
        Assertions.SetDefaultExpectTimeout(5_000);

        database = TestDatabase.Create(DatabaseProvider.Sqlite);
        mail = await SmtpSink.StartAsync();
        app = new AppFactory(database, loadReferenceData: true) { Settings = mail.Settings };
        // A free port on IPv4 loopback; the browser uses exactly this origin, so any other host is a third party.
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single());
        rawClient = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
        {
            BaseAddress = BaseUrl,
        };

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        rawClient?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        if (database is not null)
        {
            await database.DisposeAsync();
        }
        if (mail is not null)
        {
            await mail.DisposeAsync();
        }
    }

    static string FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("TRADE4MSMES_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException(
            "No Chromium found: install Debian's chromium package (./test.sh does) or set TRADE4MSMES_CHROMIUM to its path.");
    }

    // node_modules sits beside this project (npm ci, run by ./test.sh); the tests run from bin/<config>/<tfm>/.
    static string FindAxe()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "axe-core is missing: run `npm ci` in tests/Trade4Msmes.EndToEnd (./test.sh does).");
    }

    static InvalidOperationException NotStarted() => new("The Site fixture has not been initialized.");
}
