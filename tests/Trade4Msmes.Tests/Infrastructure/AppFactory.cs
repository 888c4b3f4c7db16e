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
    public const string TransmissionKeyKenya = "test-key-kenya-5f1c";
    public const string TransmissionKeyGhana = "test-key-ghana-93ab";

    public TestDatabase Database { get; } = database;

    public bool LoadReferenceData { get; } = loadReferenceData;

    // The app's TimeProvider when the test fixed "today" (set UtcNow or Advance it to move time); null otherwise.
    public FixedTimeProvider? Clock { get; } = today is { } date ? new FixedTimeProvider(date) : null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Database:LoadReferenceData", LoadReferenceData ? "true" : "false");
        // Transmission keys for the tests that transmit schedules (see Tariffs/TransmissionTests).
        builder.UseSetting("Transmission:ApiKeys:KEN", TransmissionKeyKenya);
        builder.UseSetting("Transmission:ApiKeys:GHA", TransmissionKeyGhana);
        // Keep the test output readable; warnings and errors still show.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
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
