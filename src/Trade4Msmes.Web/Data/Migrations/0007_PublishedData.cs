using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// One counter that every change to what the public pages show moves on, in the same transaction: the key of the
// response cache on every instance (Operations/PublishedDataCache.cs).
[DbContext(typeof(AppDbContext))]
[Migration("202611220007_PublishedData")]
public class PublishedData : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "published_data",
            columns: t => new
            {
                Id = t.Column<int>(),
                Version = t.Column<long>(),
            },
            constraints: t => t.PrimaryKey("PK_published_data", x => x.Id));
        migrationBuilder.Sql("INSERT INTO published_data (\"Id\", \"Version\") VALUES (1, 1)");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("published_data");
}
