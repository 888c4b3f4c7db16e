using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Admin;

// What editors do to accounts: grant and revoke roles (officials per economy), disable and enable, unlock.
// Each change is audited with its old and new values. An editor cannot take away their own editor role or
// disable themselves, so the site cannot be left without anyone able to manage it by a slip.
public sealed class AccountAdministration(AppDbContext db, TimeProvider clock)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    // Null when done, else the English reason it was refused.
    public async Task<string?> GrantAsync(Caller editor, int accountId, Role role, string? economy, CancellationToken ct)
    {
        var account = await db.Accounts.AsTracking().Include(a => a.Roles).FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Phrase("There is no such account.");
        }
        if (role == Role.EconomyOfficial)
        {
            if (economy is null || !await db.Economies.AnyAsync(e => e.Iso3 == economy, ct))
            {
                return Phrase("Choose the economy the official acts for.");
            }
        }
        else
        {
            economy = null;
        }
        if (account.Roles.Any(r => r.Role == role && r.EconomyIso3 == economy))
        {
            return null;
        }
        account.Roles.Add(new AccountRole { Role = role, EconomyIso3 = economy, GrantedAt = Now });
        AuditLog.Record(db, editor.Actor, "role.granted", $"account/{account.Id}", economy, null, new { Role = role.ToString(), Economy = economy }, Now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> RevokeAsync(Caller editor, int accountId, int roleId, CancellationToken ct)
    {
        var role = await db.AccountRoles.AsTracking().FirstOrDefaultAsync(r => r.Id == roleId && r.AccountId == accountId, ct);
        if (role is null)
        {
            return Phrase("There is no such role.");
        }
        if (role.Role == Role.Editor && accountId == editor.Id)
        {
            return Phrase("You cannot remove your own editor role; ask another editor.");
        }
        db.AccountRoles.Remove(role);
        AuditLog.Record(db, editor.Actor, "role.revoked", $"account/{accountId}", role.EconomyIso3,
            new { Role = role.Role.ToString(), Economy = role.EconomyIso3 }, null, Now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    // Disabling also signs the account out everywhere (its cookies stop validating at once).
    public async Task<string?> SetDisabledAsync(Caller editor, int accountId, bool disabled, CancellationToken ct)
    {
        if (accountId == editor.Id)
        {
            return Phrase("You cannot disable your own account.");
        }
        var account = await db.Accounts.AsTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Phrase("There is no such account.");
        }
        var before = account.DisabledAt;
        account.DisabledAt = disabled ? account.DisabledAt ?? Now : null;
        account.SecurityStamp = Secrets.New();
        AuditLog.Record(db, editor.Actor, disabled ? "account.disabled" : "account.enabled", $"account/{account.Id}", null,
            new { DisabledAt = before }, new { account.DisabledAt }, Now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> UnlockAsync(Caller editor, int accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Phrase("There is no such account.");
        }
        AuditLog.Record(db, editor.Actor, "account.unlocked", $"account/{account.Id}", null, new { account.LockedUntil }, new { LockedUntil = (DateTime?)null }, Now);
        account.LockedUntil = null;
        account.FailedSignIns = 0;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
