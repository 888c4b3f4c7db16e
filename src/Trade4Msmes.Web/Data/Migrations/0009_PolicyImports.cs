using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// Policy entries an operator imports from a file, told apart from the shipped ones that a reload replaces.
[DbContext(typeof(AppDbContext))]
[Migration("202611220009_PolicyImports")]
public class PolicyImports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("ImportedFrom", "policy_records", maxLength: 300, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("ImportedFrom", "policy_records");
}
