using Microsoft.AspNetCore.Mvc.Testing;
using Trade4Msmes.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(AppFixture))]

namespace Trade4Msmes.Tests.Infrastructure;

// One app for the whole test run, on one fresh database (SQLite or PostgreSQL, see TestDatabase) with the
// shipped reference data loaded. Tests take it in their constructor and must not change shared data;
// a test that writes creates its own rows, or its own AppFactory on its own TestDatabase.
public sealed class AppFixture : IAsyncLifetime
{
    TestDatabase? database;
    AppFactory? factory;

    public TestDatabase Database => database ?? throw NotStarted();

    public AppFactory Factory => factory ?? throw NotStarted();

    public IServiceProvider Services => Factory.Services;

    public HttpClient CreateClient() => Factory.CreateClient();

    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => Factory.CreateClient(options);

    public HttpClient CreateClientWithoutRedirects() => Factory.CreateClientWithoutRedirects();

    public async ValueTask InitializeAsync()
    {
        database = TestDatabase.Create();
        factory = new AppFactory(database, loadReferenceData: true);
        // Starting the host migrates the database and loads the reference data once, before any test runs.
        factory.StartServer();
        await ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    static InvalidOperationException NotStarted() => new("The AppFixture has not been initialized.");
}
