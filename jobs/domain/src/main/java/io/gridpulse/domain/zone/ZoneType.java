package io.gridpulse.domain.zone;

/** The kinds of zone of the zones file (contracts.md section 2). */
public enum ZoneType {
    /** 限行区: muck trucks may not enter while its hours apply. */
    RESTRICTED,
    /** 消纳场: where muck may be unloaded. */
    DISPOSAL_SITE
}
