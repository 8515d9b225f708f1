/**
 * The platform's web support, used by every module that has an HTTP edge.
 */
@NamedInterface("web")
package com.internhire.platform.web;

import org.springframework.modulith.NamedInterface;
