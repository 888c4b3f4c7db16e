using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Infrastructure;

public class SmokeTests(AppFixture app)
{
    [Fact]
    public async Task HealthAnswersOk()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void AppRunsOnTheDatabaseThisRunAskedFor()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        app.Database.Provider.ShouldBe(TestDatabase.ConfiguredProvider);
        db.Database.ProviderName.ShouldBe(app.Database.Provider == DatabaseProvider.Postgres
            ? "Npgsql.EntityFrameworkCore.PostgreSQL"
            : "Microsoft.EntityFrameworkCore.Sqlite");
        db.Database.GetConnectionString().ShouldBe(app.Database.ConnectionString);
    }
}
