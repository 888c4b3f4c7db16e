using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trade4Msmes.Tests.Infrastructure;

// The whole app, in process, on the given database. The database is not owned: dispose it after the factory.
//   await using var db = TestDatabase.Create();
//   await using var app = new AppFactory(db, loadReferenceData: false, today: new DateOnly(2026, 1, 31));
public class AppFactory(TestDatabase database, bool loadReferenceData = true, DateOnly? today = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    public bool LoadReferenceData { get; } = loadReferenceData;

    // Extra configuration, applied last (e.g. a low rate limit, or the SMTP server to send to).
    public Dictionary<string, string> Settings { get; init; } = [];

    // The app's TimeProvider when the test fixed "today" (set UtcNow or Advance it to move time); null otherwise.
    public FixedTimeProvider? Clock { get; } = today is { } date ? new FixedTimeProvider(date) : null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Database:LoadReferenceData", LoadReferenceData ? "true" : "false");
        // Every test client comes from one address: limits are raised so tests do not throttle each other;
        // the rate-limit tests set their own (see Settings).
        foreach (var policy in new[] { "SignIn", "SignUp", "PasswordReset", "Forms", "Api" })
        {
            builder.UseSetting($"RateLimits:{policy}:Permits", "100000");
            builder.UseSetting($"RateLimits:{policy}:WindowSeconds", "60");
        }
        builder.UseSetting("Site:BaseUrl", "http://localhost");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        // Keep the test output readable; warnings and errors still show.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        // Said once per test app and expected here: keys live unencrypted in the test database; no mail server.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Logging:LogLevel:Trade4Msmes.Web.Email.OutboxSender", "Error");
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    // A client that does not follow redirects, to assert on 301/302 and Location.
    public HttpClient CreateClientWithoutRedirects() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
