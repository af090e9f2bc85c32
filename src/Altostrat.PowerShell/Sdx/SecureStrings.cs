using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Altostrat.PowerShell.Sdx;

internal static class SecureStrings
{
    /// <summary>The plain text, for the one place that must send it (the Authorization header). The unmanaged copy is zeroed.</summary>
    public static string ToPlainText(SecureString secure)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(pointer) ?? "";
        }
        finally
        {
            if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    /// <summary>A read-only SecureString of <paramref name="text"/>, for a token this module made up and hands to the user.</summary>
    public static SecureString FromPlainText(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
