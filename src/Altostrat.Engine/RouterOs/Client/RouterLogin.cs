using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// The <c>/login</c> exchange, done before any tagged command: the plain form (RouterOS 6.43 and later) first, and
/// the MD5 challenge when the router answers with <c>=ret=</c> (older versions). Public for the response
/// computation, which the simulated routers check against.
/// </summary>
public static class RouterLogin
{
    internal static async Task LoginAsync(Stream stream, SentenceReader reader, SentenceWriter writer, string host,
        string userName, string password, CancellationToken cancellationToken)
    {
        writer.Word("/login").Attribute("name", userName).Attribute("password", password).End();
        await writer.FlushAsync(stream, cancellationToken).ConfigureAwait(false);
        var challenge = await ReadOutcomeAsync(reader, host, userName, cancellationToken).ConfigureAwait(false);
        if (challenge is null) return;

        writer.Word("/login").Attribute("name", userName).Attribute("response", ChallengeResponse(password, challenge)).End();
        await writer.FlushAsync(stream, cancellationToken).ConfigureAwait(false);
        await ReadOutcomeAsync(reader, host, userName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>00</c> followed by the hex MD5 of a zero byte, the password and the challenge's bytes.</summary>
    public static string ChallengeResponse(string password, string challengeHex)
    {
        var challenge = FromHex(challengeHex);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var input = new byte[1 + passwordBytes.Length + challenge.Length];
        Buffer.BlockCopy(passwordBytes, 0, input, 1, passwordBytes.Length);
        Buffer.BlockCopy(challenge, 0, input, 1 + passwordBytes.Length, challenge.Length);
        using var md5 = MD5.Create();
        var digest = md5.ComputeHash(input);
        var text = new StringBuilder("00", 2 + digest.Length * 2);
        foreach (var b in digest) text.Append(b.ToString("x2"));
        return text.ToString();
    }

    // Reads the replies to one /login up to !done: null for success, the challenge for the old style; a trap throws.
    private static async Task<string?> ReadOutcomeAsync(SentenceReader reader, string host, string userName, CancellationToken cancellationToken)
    {
        string? trapMessage = null;
        while (true)
        {
            var sentence = await reader.ReadSentenceAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new RouterConnectionException(host, $"{host} closed the connection during login.");
            switch (sentence.Command)
            {
                case "!trap":
                    trapMessage ??= sentence["message"] ?? "login refused";
                    break;
                case "!fatal":
                    throw new RouterFatalException(host, FatalReason(sentence));
                case "!done":
                    if (trapMessage is not null) throw new RouterAuthenticationException(host, userName, trapMessage);
                    return sentence["ret"];
            }
        }
    }

    internal static string FatalReason(RouterSentence sentence) =>
        sentence["message"] ?? (sentence.OtherWords.Count > 0 ? string.Join(" ", sentence.OtherWords) : "no reason given");

    private static byte[] FromHex(string hex)
    {
        if (hex.Length % 2 != 0) throw new RouterProtocolException("The login challenge is not a hexadecimal string.");
        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!Uri.IsHexDigit(hex[2 * i]) || !Uri.IsHexDigit(hex[2 * i + 1]))
                throw new RouterProtocolException("The login challenge is not a hexadecimal string.");
            bytes[i] = Convert.ToByte(hex.Substring(2 * i, 2), 16);
        }
        return bytes;
    }
}
