using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// The portal: the editors' queue of contact messages and suggested resources, and editors' corrections of the
// shipped content.
[DbContext(typeof(AppDbContext))]
[Migration("202612010010_Portal")]
public class Portal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "contact_messages",
            columns: t => new
            {
                Id = Accounts.LongIdentity(t),
                Kind = t.Column<string>(maxLength: 20),
                Name = t.Column<string>(maxLength: 200),
                Email = t.Column<string>(maxLength: 254),
                Subject = t.Column<string>(maxLength: 300),
                Url = t.Column<string>(maxLength: 2000, nullable: true),
                Text = t.Column<string>(maxLength: 5000),
                Lang = t.Column<string>(maxLength: 2),
                ReceivedAt = t.Column<DateTime>(),
                HandledAt = t.Column<DateTime>(nullable: true),
                HandledByAccountId = t.Column<int>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_contact_messages", x => x.Id));
        migrationBuilder.CreateIndex("IX_contact_messages_HandledAt_ReceivedAt", "contact_messages", ["HandledAt", "ReceivedAt"]);
        migrationBuilder.CreateTable(
            name: "content_corrections",
            columns: t => new
            {
                Id = Accounts.LongIdentity(t),
                Collection = t.Column<string>(maxLength: 40),
                Slug = t.Column<string>(maxLength: 200),
                Lang = t.Column<string>(maxLength: 2),
                Text = t.Column<string>(nullable: true),
                Note = t.Column<string>(maxLength: 500),
                EditedByAccountId = t.Column<int>(),
                EditedAt = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_content_corrections", x => x.Id));
        migrationBuilder.CreateIndex("IX_content_corrections_Collection_Slug_Lang", "content_corrections", ["Collection", "Slug", "Lang"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("content_corrections");
        migrationBuilder.DropTable("contact_messages");
    }
}
