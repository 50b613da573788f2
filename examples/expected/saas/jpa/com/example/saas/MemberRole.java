package com.example.saas;

/**
 * The values of MemberRole, named exactly as stored (a CHECK constraint or lookup table keeps the column to them).
 */
public enum MemberRole {
    owner, admin, member, guest
}
