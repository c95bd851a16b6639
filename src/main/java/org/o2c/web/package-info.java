/**
 * The back-office shell: security (form login for people, bearer tokens for programs), layout,
 * navigation, the home dashboard, health, first-start set-up and the demo shop.
 */
package org.o2c.web;
