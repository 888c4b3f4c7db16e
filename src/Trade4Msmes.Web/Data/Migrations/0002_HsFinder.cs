using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// The HS finder's own data: labelled example descriptions and the French/Spanish vocabulary.
[DbContext(typeof(AppDbContext))]
[Migration("202611220002_HsFinder")]
public class HsFinder : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "hs_finder_examples",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Text = t.Column<string>(),
                Hs6 = t.Column<string>(nullable: true),
                Source = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_hs_finder_examples", x => x.Id));

        migrationBuilder.CreateTable(
            name: "hs_finder_terms",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Language = t.Column<string>(),
                Term = t.Column<string>(),
                English = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_hs_finder_terms", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("hs_finder_terms");
        migrationBuilder.DropTable("hs_finder_examples");
    }
}
