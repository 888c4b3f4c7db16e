using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// The editors' queue of contact messages and suggested resources.
[DbContext(typeof(AppDbContext))]
[Migration("202612010010_ContactMessages")]
public class ContactMessages : Migration
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
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("contact_messages");
}
