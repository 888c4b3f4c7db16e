using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;

namespace Trade4Msmes.Web.Features.Accounts;

public enum SignInOutcome
{
    Success,
    WrongCredentials,
    LockedOut,

    // The password was right but the address is not confirmed yet; a new confirmation link was sent.
    NotConfirmed,
}

public sealed record SignInResult(SignInOutcome Outcome, Account? Account = null, DateTime? LockedUntil = null);

// Sign-up, confirmation, sign-in with lockout, password reset and change, sign-out everywhere. Every change
// is saved with its audit entry and, where one is due, its email, in one unit of work.
public sealed partial class AccountService(
    AppDbContext db, TimeProvider clock, AccountEmails emails, OutboxSender sender, ILogger<AccountService> logger)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ConfirmLinkLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan EditorLinkLifetime = TimeSpan.FromHours(24);

    static readonly PasswordHasher<Account> Hasher = new();

    // Checked when there is no such account, so the answer takes as long whether or not the address is known.
    static readonly string NobodysHash = Hasher.HashPassword(new Account(), Secrets.New());

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    // A new account waits for its confirmation; an address that already has one gets an email saying so,
    // and the page answers the same either way.
    public async Task SignUpAsync(string email, string name, string password, string lang, CancellationToken ct)
    {
        var existing = await db.Accounts.FirstOrDefaultAsync(a => a.Email == email, ct);
        if (existing is not null)
        {
            EmailOutbox.Enqueue(db, emails.AlreadyRegistered(existing.Email, existing.DisplayName, existing.Language), Now);
            await db.SaveChangesAsync(ct);
            sender.Wake();
            return;
        }
        var account = new Account
        {
            Email = email,
            DisplayName = name,
            Language = lang,
            SecurityStamp = Secrets.New(),
            CreatedAt = Now,
            Roles = [new AccountRole { Role = Role.Subscriber, GrantedAt = Now }],
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, Actor.For(account), "account.created", $"account/{account.Id}", newValues: new { account.Email, account.DisplayName }, at: Now);
        QueueConfirmation(account);
        await db.SaveChangesAsync(ct);
        sender.Wake();
    }

    // Confirming asks for the password too: only the person who chose it can confirm, so nobody can make
    // someone else's address confirm an account whose password they set.
    public async Task<SignInResult?> ConfirmAsync(string secret, string password, CancellationToken ct)
    {
        if (await FindLinkAsync(LinkPurpose.ConfirmEmail, secret, ct) is not { } link)
        {
            return null;
        }
        var account = await db.Accounts.AsTracking().Include(a => a.Roles).SingleAsync(a => a.Id == link.AccountId, ct);
        var check = await CheckPasswordAsync(account, password, ct);
        if (check.Outcome == SignInOutcome.WrongCredentials || check.Outcome == SignInOutcome.LockedOut)
        {
            return check;
        }
        if (!await UseLinkAsync(link, ct))
        {
            return null;
        }
        account.EmailConfirmedAt ??= Now;
        AuditLog.Record(db, Actor.For(account), "account.confirmed", $"account/{account.Id}", at: Now);
        await db.SaveChangesAsync(ct);
        return new SignInResult(SignInOutcome.Success, account);
    }

    public async Task<SignInResult> SignInAsync(string? email, string password, CancellationToken ct)
    {
        var account = email is null ? null
            : await db.Accounts.AsTracking().Include(a => a.Roles).FirstOrDefaultAsync(a => a.Email == email, ct);
        if (account is null || account.DisabledAt is not null)
        {
            Hasher.VerifyHashedPassword(new Account(), NobodysHash, password);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        var result = await CheckPasswordAsync(account, password, ct);
        if (result.Outcome == SignInOutcome.Success && account.EmailConfirmedAt is null)
        {
            QueueConfirmation(account);
            await db.SaveChangesAsync(ct);
            sender.Wake();
            return new SignInResult(SignInOutcome.NotConfirmed, account);
        }
        return result;
    }

    // Counts failures; the fifth in a row locks the account for LockoutTime, during which no password is tried.
    async Task<SignInResult> CheckPasswordAsync(Account account, string password, CancellationToken ct)
    {
        if (account.LockedUntil > Now)
        {
            return new SignInResult(SignInOutcome.LockedOut, account, account.LockedUntil);
        }
        var verdict = account.PasswordHash is null
            ? PasswordVerificationResult.Failed
            : Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            // Counted in the database, so attempts spread over several app instances still add up.
            await db.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, a => a.FailedSignIns + 1), ct);
            var failures = await db.Accounts.Where(a => a.Id == account.Id).Select(a => a.FailedSignIns).SingleAsync(ct);
            if (failures < MaxFailedSignIns)
            {
                return new SignInResult(SignInOutcome.WrongCredentials);
            }
            var until = Now + LockoutTime;
            await db.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FailedSignIns, 0).SetProperty(a => a.LockedUntil, until), ct);
            db.Entry(account).State = EntityState.Detached;
            AuditLog.Record(db, Actor.System, "account.locked", $"account/{account.Id}",
                newValues: new { LockedUntil = until, Reason = $"{MaxFailedSignIns} failed sign-ins" }, at: Now);
            await db.SaveChangesAsync(ct);
            LogLocked(account.Id, until);
            return new SignInResult(SignInOutcome.LockedOut, account, until);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hasher.HashPassword(account, password);
        }
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return new SignInResult(SignInOutcome.Success, account);
    }

    // Always answers the same; sends a link only when the address has an account that may sign in.
    public async Task RequestPasswordResetAsync(string email, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Email == email && a.DisabledAt == null, ct);
        if (account is null)
        {
            return;
        }
        var secret = AddLink(account.Id, LinkPurpose.ResetPassword, ResetLinkLifetime);
        EmailOutbox.Enqueue(db, emails.Reset(account.Email, account.DisplayName, account.Language, secret), Now);
        await db.SaveChangesAsync(ct);
        sender.Wake();
    }

    public async Task<bool> IsLinkValidAsync(LinkPurpose purpose, string? secret, CancellationToken ct) =>
        await FindLinkAsync(purpose, secret, ct) is not null;

    // Sets the new password, unlocks the account, confirms the address (the link reached it) and signs the
    // account out everywhere. A refused password leaves the link usable (PasswordProblem says why); both null:
    // the link is unknown, used or expired.
    public async Task<(Account? Account, string? PasswordProblem)> ResetPasswordAsync(string secret, string password, CancellationToken ct)
    {
        if (await FindLinkAsync(LinkPurpose.ResetPassword, secret, ct) is not { } link)
        {
            return (null, null);
        }
        var account = await db.Accounts.AsTracking().SingleAsync(a => a.Id == link.AccountId, ct);
        if (AccountRules.CheckPassword(password, account.Email) is { } problem)
        {
            return (null, problem);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await UseLinkAsync(link, ct))
        {
            return (null, null);
        }
        // Any other reset link still in someone's mailbox stops working too.
        await db.AccountLinks.Where(l => l.AccountId == link.AccountId && l.Purpose == LinkPurpose.ResetPassword && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, Now), ct);
        SetPassword(account, password);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.EmailConfirmedAt ??= Now;
        AuditLog.Record(db, Actor.For(account), "account.password-reset", $"account/{account.Id}", at: Now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (account, null);
    }

    // Null when the current password is wrong; the other sessions are signed out, the caller signs in again.
    public async Task<Account?> ChangePasswordAsync(int accountId, string current, string password, CancellationToken ct)
    {
        var account = await db.Accounts.AsTracking().SingleAsync(a => a.Id == accountId, ct);
        if (account.PasswordHash is null || Hasher.VerifyHashedPassword(account, account.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            return null;
        }
        SetPassword(account, password);
        AuditLog.Record(db, Actor.For(account), "account.password-changed", $"account/{account.Id}", at: Now);
        await db.SaveChangesAsync(ct);
        return account;
    }

    // A new security stamp: every cookie issued before, on any device, is refused from the next request.
    public async Task<Account> SignOutEverywhereAsync(int accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsTracking().SingleAsync(a => a.Id == accountId, ct);
        account.SecurityStamp = Secrets.New();
        AuditLog.Record(db, Actor.For(account), "account.signed-out-everywhere", $"account/{account.Id}", at: Now);
        await db.SaveChangesAsync(ct);
        return account;
    }

    // The first editor (and later ones) from the command line: the account gets the Editor role and a link to
    // choose its password, printed for the operator; no password ever passes through the command line.
    public async Task<string> CreateEditorAsync(string email, string name, CancellationToken ct)
    {
        var account = await db.Accounts.AsTracking().Include(a => a.Roles).FirstOrDefaultAsync(a => a.Email == email, ct);
        if (account is null)
        {
            account = new Account { Email = email, DisplayName = name, SecurityStamp = Secrets.New(), CreatedAt = Now };
            db.Accounts.Add(account);
            await db.SaveChangesAsync(ct);
            AuditLog.Record(db, Actor.CommandLine, "account.created", $"account/{account.Id}", newValues: new { account.Email, account.DisplayName }, at: Now);
        }
        if (!account.Roles.Any(r => r.Role == Role.Editor))
        {
            account.Roles.Add(new AccountRole { Role = Role.Editor, GrantedAt = Now });
            AuditLog.Record(db, Actor.CommandLine, "role.granted", $"account/{account.Id}", newValues: new { Role = nameof(Role.Editor) }, at: Now);
        }
        var secret = AddLink(account.Id, LinkPurpose.ResetPassword, EditorLinkLifetime);
        await db.SaveChangesAsync(ct);
        return $"/{account.Language}/account/reset-password?token={secret}";
    }

    static void SetPassword(Account account, string password)
    {
        account.PasswordHash = Hasher.HashPassword(account, password);
        account.SecurityStamp = Secrets.New();
    }

    void QueueConfirmation(Account account)
    {
        var secret = AddLink(account.Id, LinkPurpose.ConfirmEmail, ConfirmLinkLifetime);
        EmailOutbox.Enqueue(db, emails.Confirm(account.Email, account.DisplayName, account.Language, secret), Now);
    }

    string AddLink(int accountId, LinkPurpose purpose, TimeSpan lifetime)
    {
        var secret = Secrets.New();
        db.AccountLinks.Add(new AccountLink
        {
            AccountId = accountId,
            Purpose = purpose,
            TokenHash = Secrets.Hash(secret),
            CreatedAt = Now,
            ExpiresAt = Now + lifetime,
        });
        return secret;
    }

    async Task<AccountLink?> FindLinkAsync(LinkPurpose purpose, string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = Secrets.Hash(secret);
        var now = Now;
        var link = await db.AccountLinks.FirstOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == purpose, ct);
        if (link is null || link.UsedAt is not null || link.ExpiresAt <= now)
        {
            LogRefusedLink(purpose, link is null ? "unknown" : link.UsedAt is not null ? "already used" : "expired");
            return null;
        }
        return link;
    }

    // Marks the link used if nobody else did first: of two requests racing with one link, one wins.
    async Task<bool> UseLinkAsync(AccountLink link, CancellationToken ct)
    {
        var now = Now;
        return await db.AccountLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct) == 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} locked until {Until} after repeated failed sign-ins")]
    partial void LogLocked(int accountId, DateTime until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Purpose} link: {Reason}")]
    partial void LogRefusedLink(LinkPurpose purpose, string reason);
}
