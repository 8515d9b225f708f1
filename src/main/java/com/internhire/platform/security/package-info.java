/**
 * The platform's security support, used by every module that has an HTTP edge.
 */
@NamedInterface("security")
package com.internhire.platform.security;

import org.springframework.modulith.NamedInterface;
