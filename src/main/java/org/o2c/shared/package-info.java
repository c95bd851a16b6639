/**
 * The shared kernel: value types that cross module boundaries (money, ids, countries, addresses),
 * problem details for the HTTP API, the acting user and signed links. Every module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.o2c.shared;
