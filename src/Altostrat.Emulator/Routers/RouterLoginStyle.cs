namespace Altostrat.Emulator.Routers;

public enum RouterLoginStyle
{
    /// <summary>RouterOS 6.43 and later: <c>/login =name= =password=</c>.</summary>
    Plain,

    /// <summary>Before 6.43: <c>/login</c> answers <c>=ret=</c> with a challenge, answered with an MD5 response.</summary>
    Challenge,
}
