using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// Everyday keywords per HS heading, for the finder.
[DbContext(typeof(AppDbContext))]
[Migration("202611220003_HeadingKeywords")]
public class HeadingKeywords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "hs_heading_keywords",
            columns: t => new
            {
                Heading = t.Column<string>(),
                Keywords = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_hs_heading_keywords", x => x.Heading));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("hs_heading_keywords");
}
